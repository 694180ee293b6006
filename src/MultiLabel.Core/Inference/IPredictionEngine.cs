namespace MultiLabel.Inference;

/// <summary>
/// Runs a trained network on batches of decoded images: 8-bit planar RGB at the model's input size
/// in, one sigmoid probability per label out. Implementations need not be thread-safe;
/// <see cref="Predictor"/> serialises calls.
/// </summary>
public interface IPredictionEngine : IDisposable
{
    /// <summary>Which engine this is.</summary>
    InferenceEngine Kind { get; }

    /// <summary>
    /// Probabilities for <paramref name="count"/> images stored back to back in <paramref name="pixels"/>
    /// (<c>[count, 3, size, size]</c> bytes), row-major <c>[count, labels]</c>.
    /// </summary>
    float[] Predict(ReadOnlySpan<byte> pixels, int count);
}
