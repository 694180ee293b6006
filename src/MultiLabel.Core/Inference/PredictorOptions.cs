using MultiLabel.Native;

namespace MultiLabel.Inference;

/// <summary>How a <see cref="Predictor"/> runs.</summary>
public sealed record PredictorOptions
{
    /// <summary>
    /// The number of images below which <c>auto</c> runs a CPU model through TorchSharp: ONNX Runtime predicts
    /// about twice as fast (bench/engines.sh) but starts about 1.5 s later (the in-memory export and the session),
    /// which a small job never wins back (bench/predict-batching.sh measures a single-image call).
    /// </summary>
    public const int OnnxBreakEvenImages = 400;

    /// <summary>
    /// What runs the network. <see cref="InferenceEngine.Auto"/> picks ONNX Runtime on the CPU — measured faster
    /// (bench/engines.sh, bench/run.sh) — unless <see cref="ImageCount"/> says the job is too small to win
    /// back its start-up, and TorchSharp on a CUDA device.
    /// </summary>
    public InferenceEngine Engine { get; init; } = InferenceEngine.Auto;

    /// <summary>
    /// How many images the predictor is loaded for, when the caller knows (one command over a fixed set of
    /// files); null for a long-lived predictor such as a server's. Only <c>auto</c> uses it (see <see cref="OnnxBreakEvenImages"/>).
    /// </summary>
    public int? ImageCount { get; init; }

    /// <summary>CPU threads; 0 uses every core.</summary>
    public int Threads { get; init; }

    /// <summary>Where the torch engine computes (ONNX Runtime runs on the CPU only).</summary>
    public ComputeDevice Device { get; init; } = ComputeDevice.Auto;
}
