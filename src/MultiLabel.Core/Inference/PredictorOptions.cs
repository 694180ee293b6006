using MultiLabel.Native;

namespace MultiLabel.Inference;

/// <summary>How a <see cref="Predictor"/> runs.</summary>
public sealed record PredictorOptions
{
    /// <summary>
    /// What runs the network. <see cref="InferenceEngine.Auto"/> picks ONNX Runtime on the CPU for every job size — it
    /// predicts about twice as fast (bench/engines.sh, bench/run.sh) and, opening the bundle's ONNX form, starts
    /// sooner too — and TorchSharp on a CUDA device.
    /// </summary>
    public InferenceEngine Engine { get; init; } = InferenceEngine.Auto;

    /// <summary>CPU threads; 0 uses every core.</summary>
    public int Threads { get; init; }

    /// <summary>
    /// The pixel budget per image (see <see cref="Data.ImageDecoder.DefaultMaxPixels"/>): larger images are refused from their
    /// header; null chooses it from the model's input size.
    /// </summary>
    public long? MaxPixels { get; init; }

    /// <summary>Where the torch engine computes (ONNX Runtime runs on the CPU only).</summary>
    public ComputeDevice Device { get; init; } = ComputeDevice.Auto;
}
