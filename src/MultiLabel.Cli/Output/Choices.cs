using MultiLabel.Data;
using MultiLabel.Inference;
using MultiLabel.Native;

namespace MultiLabel.Cli.Output;

/// <summary>The words the command line accepts for Core's enumerations.</summary>
internal static class Choices
{
    public static InferenceEngine Engine(string text) => text.Trim().ToLowerInvariant() switch
    {
        "auto" => InferenceEngine.Auto,
        "torch" => InferenceEngine.Torch,
        "onnx" => InferenceEngine.Onnx,
        _ => throw new SettingException("Engine", $"Engine '{text}' is not an engine; use auto, torch or onnx."),
    };

    public static ComputeDevice Device(string text) => text.Trim().ToLowerInvariant() switch
    {
        "auto" => ComputeDevice.Auto,
        "cpu" => ComputeDevice.Cpu,
        "cuda" => ComputeDevice.Cuda,
        _ => throw new SettingException("Device", $"Device '{text}' is not a device; use auto, cpu or cuda."),
    };

    public static LabelFileFormat LabelFormat(string text) => text.Trim().ToLowerInvariant() switch
    {
        "auto" => LabelFileFormat.Auto,
        "path-labels" or "csv" => LabelFileFormat.PathLabels,
        "multi-hot" or "multihot" => LabelFileFormat.MultiHot,
        "coco" => LabelFileFormat.Coco,
        "label-studio" or "labelstudio" => LabelFileFormat.LabelStudio,
        "jsonl" or "json-lines" => LabelFileFormat.JsonLines,
        _ => throw new SettingException("LabelFormat", $"LabelFormat '{text}' is not a label file format; use auto, path-labels, multi-hot, coco, label-studio or jsonl."),
    };

    public static string Name(LabelFileFormat format) => format switch
    {
        LabelFileFormat.PathLabels => "path-labels",
        LabelFileFormat.MultiHot => "multi-hot",
        LabelFileFormat.Coco => "coco",
        LabelFileFormat.LabelStudio => "label-studio",
        LabelFileFormat.JsonLines => "jsonl",
        _ => "auto",
    };
}
