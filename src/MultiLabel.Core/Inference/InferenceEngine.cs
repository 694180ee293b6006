namespace MultiLabel.Inference;

/// <summary>What runs a trained network when it predicts.</summary>
public enum InferenceEngine
{
    /// <summary>The fastest engine for the device and the job (see <see cref="Predictor.Load"/>).</summary>
    Auto,
    /// <summary>TorchSharp (libtorch), on the CPU or CUDA.</summary>
    Torch,
    /// <summary>ONNX Runtime, on the CPU.</summary>
    Onnx,
}
