namespace MultiLabel.Metrics;

/// <summary>The names metrics carry in histories, reports and <see cref="EvaluationResult.SummaryMetrics"/>.</summary>
public static class MetricNames
{
    /// <summary>Fraction of correct label decisions over all images × labels (Keras 2's "accuracy" with binary cross-entropy).</summary>
    public const string BinaryAccuracy = "binary_accuracy";

    /// <summary>Fraction of images with every label decided right (scikit-learn's subset accuracy).</summary>
    public const string ExactMatch = "exact_match";

    /// <summary>Fraction of wrong label decisions: 1 − binary accuracy.</summary>
    public const string HammingLoss = "hamming_loss";

    /// <summary>F1 over the label decisions pooled across labels.</summary>
    public const string MicroF1 = "micro_f1";

    /// <summary>Unweighted mean of the per-label F1 scores.</summary>
    public const string MacroF1 = "macro_f1";

    /// <summary>Mean of the per-label F1 scores weighted by each label's support.</summary>
    public const string WeightedF1 = "weighted_f1";

    /// <summary>Mean over labels of scikit-learn's average precision.</summary>
    public const string MeanAveragePrecision = "mean_average_precision";
}
