using MultiLabel.Cli.Output;
using MultiLabel.Data;
using MultiLabel.Inference;
using MultiLabel.Native;
using MultiLabel.Training;

namespace MultiLabel.Cli.Settings;

/// <summary>The words the command line uses for the values of Core's enumerations (<c>--engine onnx</c>), in the order help lists them.</summary>
public static class Choices
{
    private static readonly Dictionary<Type, Choice[]> Words = new()
    {
        [typeof(InferenceEngine)] = [new("auto", InferenceEngine.Auto), new("torch", InferenceEngine.Torch), new("onnx", InferenceEngine.Onnx)],
        [typeof(ComputeDevice)] = [new("auto", ComputeDevice.Auto), new("cpu", ComputeDevice.Cpu), new("cuda", ComputeDevice.Cuda)],
        [typeof(PredictionFormat)] =
            [new("table", PredictionFormat.Table), new("json", PredictionFormat.Json), new("jsonl", PredictionFormat.Jsonl), new("csv", PredictionFormat.Csv)],
        [typeof(RecipePreset)] = [new("default", RecipePreset.Default), new("original", RecipePreset.Original)],
        [typeof(OptimizerKind)] = [new("adam", OptimizerKind.Adam), new("adamw", OptimizerKind.AdamW), new("sgd", OptimizerKind.Sgd)],
        [typeof(LearningRateSchedule)] = [new("onecycle", LearningRateSchedule.OneCycle, "one-cycle", "one_cycle"), new("constant", LearningRateSchedule.Constant)],
        [typeof(LossKind)] = [new("bce", LossKind.Bce), new("asl", LossKind.Asl), new("focal", LossKind.Focal)],
        [typeof(PositiveWeighting)] = [new("none", PositiveWeighting.None), new("auto", PositiveWeighting.Auto)],
        [typeof(LabelFileFormat)] =
        [
            new("auto", LabelFileFormat.Auto), new("path-labels", LabelFileFormat.PathLabels, "csv"), new("multi-hot", LabelFileFormat.MultiHot, "multihot"),
            new("coco", LabelFileFormat.Coco), new("label-studio", LabelFileFormat.LabelStudio, "labelstudio"), new("jsonl", LabelFileFormat.JsonLines, "json-lines"),
        ],
        [typeof(SplitMethod)] = [new("stratified", SplitMethod.Stratified), new("random", SplitMethod.Random)],
        [typeof(MonitorMetric)] =
        [
            new("loss", MonitorMetric.Loss, "val_loss"),
            new("binary_accuracy", MonitorMetric.BinaryAccuracy, "val_binary_accuracy", "accuracy"),
            new("exact_match", MonitorMetric.ExactMatch, "val_exact_match"),
            new("macro_f1", MonitorMetric.MacroF1, "val_macro_f1"),
            new("map", MonitorMetric.MeanAveragePrecision, "mean_average_precision", "val_mean_average_precision"),
        ],
    };

    /// <summary>The choices for <paramref name="type"/> (an enumeration, or a nullable one), or null when it has none.</summary>
    public static IReadOnlyList<Choice>? For(Type type) => Words.GetValueOrDefault(Nullable.GetUnderlyingType(type) ?? type);

    /// <summary>The value <paramref name="text"/> names (case, <c>-</c> and <c>_</c> aside), or null.</summary>
    public static object? Parse(Type type, string text)
    {
        string wanted = Normalize(text);
        return For(type)?.FirstOrDefault(c => Normalize(c.Word) == wanted || c.Aliases.Any(a => Normalize(a) == wanted))?.Value;
    }

    /// <summary>The word for <paramref name="value"/>.</summary>
    public static string Word<T>(T value) where T : struct, Enum =>
        For(typeof(T))?.FirstOrDefault(c => c.Value.Equals(value))?.Word ?? value.ToString().ToLowerInvariant();

    /// <summary>The words of <paramref name="type"/> as a sentence ends them: <c>auto, torch or onnx</c>.</summary>
    public static string List(Type type) => Sentence.Or(For(type)?.Select(c => c.Word) ?? []);

    private static string Normalize(string text) => text.Trim().ToLowerInvariant().Replace('-', '_');
}
