namespace MultiLabel.Metrics;

/// <summary>
/// <c>binary_accuracy</c>: the fraction of correct label decisions over all images × labels, what Keras 2
/// reported as "accuracy" for a sigmoid output trained with binary cross-entropy.
/// </summary>
public sealed class BinaryAccuracy : ThresholdedMetric
{
    /// <summary>Binary accuracy over <paramref name="labelCount"/> labels sharing one <paramref name="threshold"/>.</summary>
    public BinaryAccuracy(int labelCount, float threshold = ConfusionCounts.DefaultThreshold) : base(labelCount, threshold)
    {
    }

    /// <summary>Binary accuracy with a threshold per label.</summary>
    public BinaryAccuracy(IReadOnlyList<float> thresholds) : base(thresholds)
    {
    }

    /// <inheritdoc />
    public override string Name => MetricNames.BinaryAccuracy;

    /// <inheritdoc />
    public override MetricDirection Direction => MetricDirection.Maximize;

    /// <inheritdoc />
    public override double Compute() => Compute(Counts);

    /// <summary>(TP + TN) / (images × labels) from <paramref name="counts"/>; NaN before any image.</summary>
    public static double Compute(ConfusionCounts counts)
    {
        long decisions = counts.DecisionCount;
        if (decisions == 0) return double.NaN;
        return (double)(decisions - counts.TotalFalsePositives - counts.TotalFalseNegatives) / decisions;
    }
}
