namespace MultiLabel.Metrics;

/// <summary>Everything <see cref="MultiLabelEvaluator"/> measured over a set of images.</summary>
/// <param name="ImageCount">Number of images evaluated.</param>
/// <param name="BinaryAccuracy">Fraction of correct label decisions over images × labels (<see cref="Metrics.BinaryAccuracy"/>).</param>
/// <param name="ExactMatch">Fraction of images with every label right (<see cref="Metrics.ExactMatch"/>).</param>
/// <param name="HammingLoss">1 − binary accuracy (<see cref="Metrics.HammingLoss"/>).</param>
/// <param name="MicroF1">F1 over the pooled counts of all labels (<see cref="F1Score"/>).</param>
/// <param name="MacroF1">Mean F1 over the labels where it is defined (<see cref="F1Score"/>).</param>
/// <param name="MeanAveragePrecision">Mean average precision over the labels with positives (<see cref="Metrics.MeanAveragePrecision"/>).</param>
/// <param name="PerLabel">One result per label, in output order.</param>
public sealed record EvaluationResult(
    long ImageCount,
    double BinaryAccuracy,
    double ExactMatch,
    double HammingLoss,
    double MicroF1,
    double MacroF1,
    double MeanAveragePrecision,
    IReadOnlyList<LabelResult> PerLabel)
{
    /// <summary>The summary metrics keyed by their <see cref="MetricNames"/>, in a fixed order.</summary>
    public IReadOnlyDictionary<string, double> SummaryMetrics() => new Dictionary<string, double>
    {
        [MetricNames.BinaryAccuracy] = BinaryAccuracy,
        [MetricNames.ExactMatch] = ExactMatch,
        [MetricNames.HammingLoss] = HammingLoss,
        [MetricNames.MicroF1] = MicroF1,
        [MetricNames.MacroF1] = MacroF1,
        [MetricNames.MeanAveragePrecision] = MeanAveragePrecision,
    }.AsReadOnly();
}
