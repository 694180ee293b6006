namespace MultiLabel.Metrics;

/// <summary>
/// <c>binary_accuracy</c>: the fraction of correct label decisions over all images × labels, what Keras 2
/// reported as "accuracy" for a sigmoid output trained with binary cross-entropy.
/// </summary>
public sealed class BinaryAccuracy : IMetric
{
    private readonly ConfusionCounts counts;

    /// <summary>Binary accuracy over <paramref name="labelCount"/> labels sharing one <paramref name="threshold"/>.</summary>
    public BinaryAccuracy(int labelCount, float threshold = ConfusionCounts.DefaultThreshold) => counts = new ConfusionCounts(labelCount, threshold);

    /// <summary>Binary accuracy with a threshold per label.</summary>
    public BinaryAccuracy(IReadOnlyList<float> thresholds) => counts = new ConfusionCounts(thresholds);

    /// <inheritdoc />
    public string Name => MetricNames.BinaryAccuracy;

    /// <inheritdoc />
    public MetricDirection Direction => MetricDirection.Maximize;

    /// <inheritdoc />
    public void Reset() => counts.Reset();

    /// <inheritdoc />
    public void Update(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> targets) => counts.Update(probabilities, targets);

    /// <inheritdoc />
    public double Compute() => Compute(counts);

    /// <summary>(TP + TN) / (images × labels) from <paramref name="counts"/>; NaN before any image.</summary>
    public static double Compute(ConfusionCounts counts)
    {
        long decisions = counts.DecisionCount;
        if (decisions == 0) return double.NaN;
        return (double)(decisions - counts.TotalFalsePositives - counts.TotalFalseNegatives) / decisions;
    }
}
