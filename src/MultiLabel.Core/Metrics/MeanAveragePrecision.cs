namespace MultiLabel.Metrics;

/// <summary>
/// <c>mean_average_precision</c>: the mean over labels of <see cref="AveragePrecision"/>. Needs no
/// threshold, but keeps every score until <see cref="Reset"/>.
/// </summary>
/// <remarks>
/// A label with no positives has no defined average precision and is left out of the mean, so the mean
/// runs over the labels that are present at least once; it is NaN when no label is. (scikit-learn's
/// <c>average_precision_score(average="macro")</c> would count such labels as 0 instead.)
/// </remarks>
public sealed class MeanAveragePrecision : IMetric
{
    private readonly ScoreBuffer scores;

    /// <summary>Mean average precision over <paramref name="labelCount"/> labels.</summary>
    public MeanAveragePrecision(int labelCount) => scores = new ScoreBuffer(labelCount);

    /// <inheritdoc />
    public string Name => MetricNames.MeanAveragePrecision;

    /// <inheritdoc />
    public MetricDirection Direction => MetricDirection.Maximize;

    /// <inheritdoc />
    public void Reset() => scores.Clear();

    /// <inheritdoc />
    public void Update(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> targets) => scores.Add(probabilities, targets);

    /// <inheritdoc />
    public double Compute() => Mean(PerLabel(scores));

    /// <summary>The average precision of each label kept in <paramref name="scores"/>; NaN for labels with no positives.</summary>
    public static double[] PerLabel(ScoreBuffer scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var result = new double[scores.LabelCount];
        for (int l = 0; l < result.Length; l++) result[l] = AveragePrecision.Compute(scores.ScoresOf(l), scores.TargetsOf(l));
        return result;
    }

    /// <summary>The mean of the defined (non-NaN) per-label values; NaN when none is defined.</summary>
    public static double Mean(IEnumerable<double> perLabel)
    {
        ArgumentNullException.ThrowIfNull(perLabel);
        double sum = 0;
        int defined = 0;
        foreach (double value in perLabel)
        {
            if (double.IsNaN(value)) continue;
            sum += value;
            defined++;
        }
        return defined == 0 ? double.NaN : sum / defined;
    }
}
