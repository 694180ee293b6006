namespace MultiLabel.Metrics;

/// <summary>
/// The common part of the metrics computed from thresholded label decisions: they stream batches into
/// one <see cref="ConfusionCounts"/> and differ only in what they compute from it.
/// </summary>
public abstract class ThresholdedMetric : IMetric
{
    /// <summary>Counts over <paramref name="labelCount"/> labels sharing one <paramref name="threshold"/>.</summary>
    protected ThresholdedMetric(int labelCount, float threshold) => Counts = new ConfusionCounts(labelCount, threshold);

    /// <summary>Counts with a threshold per label.</summary>
    protected ThresholdedMetric(IReadOnlyList<float> thresholds) => Counts = new ConfusionCounts(thresholds);

    /// <summary>The decisions seen since the last <see cref="Reset"/>.</summary>
    protected ConfusionCounts Counts { get; }

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract MetricDirection Direction { get; }

    /// <inheritdoc />
    public void Reset() => Counts.Reset();

    /// <inheritdoc />
    public void Update(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> targets) => Counts.Update(probabilities, targets);

    /// <inheritdoc />
    public abstract double Compute();
}
