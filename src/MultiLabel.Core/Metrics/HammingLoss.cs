namespace MultiLabel.Metrics;

/// <summary>
/// <c>hamming_loss</c>: the fraction of wrong label decisions over all images × labels, 1 − binary
/// accuracy (scikit-learn's <c>hamming_loss</c>). Smaller is better.
/// </summary>
public sealed class HammingLoss : IMetric
{
    private readonly ConfusionCounts counts;

    /// <summary>Hamming loss over <paramref name="labelCount"/> labels sharing one <paramref name="threshold"/>.</summary>
    public HammingLoss(int labelCount, float threshold = ConfusionCounts.DefaultThreshold) => counts = new ConfusionCounts(labelCount, threshold);

    /// <summary>Hamming loss with a threshold per label.</summary>
    public HammingLoss(IReadOnlyList<float> thresholds) => counts = new ConfusionCounts(thresholds);

    /// <inheritdoc />
    public string Name => MetricNames.HammingLoss;

    /// <inheritdoc />
    public MetricDirection Direction => MetricDirection.Minimize;

    /// <inheritdoc />
    public void Reset() => counts.Reset();

    /// <inheritdoc />
    public void Update(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> targets) => counts.Update(probabilities, targets);

    /// <inheritdoc />
    public double Compute() => Compute(counts);

    /// <summary>(FP + FN) / (images × labels) from <paramref name="counts"/>; NaN before any image.</summary>
    public static double Compute(ConfusionCounts counts)
    {
        long decisions = counts.DecisionCount;
        if (decisions == 0) return double.NaN;
        return (double)(counts.TotalFalsePositives + counts.TotalFalseNegatives) / decisions;
    }
}
