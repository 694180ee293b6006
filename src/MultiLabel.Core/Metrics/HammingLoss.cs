namespace MultiLabel.Metrics;

/// <summary>
/// <c>hamming_loss</c>: the fraction of wrong label decisions over all images × labels, 1 − binary
/// accuracy (scikit-learn's <c>hamming_loss</c>). Smaller is better.
/// </summary>
public sealed class HammingLoss : ThresholdedMetric
{
    /// <summary>Hamming loss over <paramref name="labelCount"/> labels sharing one <paramref name="threshold"/>.</summary>
    public HammingLoss(int labelCount, float threshold = ConfusionCounts.DefaultThreshold) : base(labelCount, threshold)
    {
    }

    /// <summary>Hamming loss with a threshold per label.</summary>
    public HammingLoss(IReadOnlyList<float> thresholds) : base(thresholds)
    {
    }

    /// <inheritdoc />
    public override string Name => MetricNames.HammingLoss;

    /// <inheritdoc />
    public override MetricDirection Direction => MetricDirection.Minimize;

    /// <inheritdoc />
    public override double Compute() => Compute(Counts);

    /// <summary>(FP + FN) / (images × labels) from <paramref name="counts"/>; NaN before any image.</summary>
    public static double Compute(ConfusionCounts counts)
    {
        long decisions = counts.DecisionCount;
        if (decisions == 0) return double.NaN;
        return (double)(counts.TotalFalsePositives + counts.TotalFalseNegatives) / decisions;
    }
}
