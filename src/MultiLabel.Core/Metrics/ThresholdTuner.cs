namespace MultiLabel.Metrics;

/// <summary>STUB replaced by the metrics branch.</summary>
public static class ThresholdTuner
{
    /// <summary>Stub.</summary>
    public static float[] Choose(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> targets, int labelCount, int minPositives = 5) =>
        Enumerable.Repeat(0.5f, labelCount).ToArray();
}
