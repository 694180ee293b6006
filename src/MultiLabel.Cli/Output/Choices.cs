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
}
