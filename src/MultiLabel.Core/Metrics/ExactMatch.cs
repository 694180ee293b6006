namespace MultiLabel.Metrics;

/// <summary>
/// <c>exact_match</c>: the fraction of images whose every label decision is right (scikit-learn's
/// <c>accuracy_score</c> on multi-label input, "subset accuracy"). An image without labels counts as
/// right when nothing is predicted for it.
/// </summary>
public sealed class ExactMatch : ThresholdedMetric
{
    /// <summary>Exact match over <paramref name="labelCount"/> labels sharing one <paramref name="threshold"/>.</summary>
    public ExactMatch(int labelCount, float threshold = ConfusionCounts.DefaultThreshold) : base(labelCount, threshold)
    {
    }

    /// <summary>Exact match with a threshold per label.</summary>
    public ExactMatch(IReadOnlyList<float> thresholds) : base(thresholds)
    {
    }

    /// <inheritdoc />
    public override string Name => MetricNames.ExactMatch;

    /// <inheritdoc />
    public override MetricDirection Direction => MetricDirection.Maximize;

    /// <inheritdoc />
    public override double Compute() => Compute(Counts);

    /// <summary>Exactly matched images / images from <paramref name="counts"/>; NaN before any image.</summary>
    public static double Compute(ConfusionCounts counts) =>
        counts.ImageCount == 0 ? double.NaN : (double)counts.ExactMatches / counts.ImageCount;
}
