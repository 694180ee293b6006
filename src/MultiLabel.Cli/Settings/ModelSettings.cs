using System.ComponentModel;
using MultiLabel.Cli.Inputs;
using MultiLabel.Inference;
using MultiLabel.Native;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiLabel.Cli.Settings;

/// <summary>The options of every command that runs a trained model (predict, evaluate, serve): which model, on which engine and device.</summary>
public class ModelSettings : DecodeSettings
{
    [CommandOption("--model <PATH>")]
    [Description(ModelHelp)]
    [Importance(OptionImportance.Primary)]
    public string Model { get; init; } = "";

    [CommandOption("--engine <NAME>")]
    [Description("auto (onnx on the CPU, torch on CUDA), torch (TorchSharp) or onnx (ONNX Runtime).")]
    [DefaultValue("auto")]
    [TypeConverter(typeof(ChoiceConverter<InferenceEngine>))]
    [Importance(OptionImportance.Tuning)]
    public InferenceEngine Engine { get; init; } = InferenceEngine.Auto;

    [CommandOption("--device <DEVICE>")]
    [Description(DeviceHelp)]
    [DefaultValue("auto")]
    [TypeConverter(typeof(ChoiceConverter<ComputeDevice>))]
    [Importance(OptionImportance.Environment)]
    public ComputeDevice Device { get; init; } = ComputeDevice.Auto;

    /// <summary>The help text of <c>--model</c> wherever it names a trained model.</summary>
    public const string ModelHelp = "The model.mlpkg a training run wrote, or the run folder holding it.";

    /// <summary>The help text of <c>--device</c>.</summary>
    public const string DeviceHelp = "auto, cpu or cuda (where the torch engine and training compute).";

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Model)) return ValidationResult.Error("--model is required: the model.mlpkg a training run wrote, or the run folder holding it.");
        return base.Validate();
    }

    /// <summary>The model file <c>--model</c> names (a run folder stands for the model.mlpkg in it).</summary>
    public string ModelFile() => InputPaths.Model(Model, "--model");

    /// <summary>How to load the model.</summary>
    public PredictorOptions ToPredictorOptions() => new()
    {
        Engine = Engine,
        Device = Device,
        Threads = Threads,
        MaxPixels = MaxPixels,
    };
}
