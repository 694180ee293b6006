using MultiLabel.Metrics;

namespace MultiLabel.Training;

/// <summary>The validation quantities a run can watch to keep its best checkpoint.</summary>
public enum MonitorMetric
{
    /// <summary>Validation binary cross-entropy (lower is better).</summary>
    Loss,
    /// <summary>Validation binary accuracy.</summary>
    BinaryAccuracy,
    /// <summary>Validation exact match (all labels of an image right).</summary>
    ExactMatch,
    /// <summary>Validation macro F1.</summary>
    MacroF1,
    /// <summary>Validation mean average precision.</summary>
    MeanAveragePrecision,
}

/// <summary>Names and directions of <see cref="MonitorMetric"/> values.</summary>
public static class MonitorMetrics
{
    /// <summary>The column name in the history: val_loss, val_binary_accuracy, …</summary>
    public static string ColumnName(this MonitorMetric metric) => metric switch
    {
        MonitorMetric.Loss => "val_loss",
        MonitorMetric.BinaryAccuracy => "val_binary_accuracy",
        MonitorMetric.ExactMatch => "val_exact_match",
        MonitorMetric.MacroF1 => "val_macro_f1",
        MonitorMetric.MeanAveragePrecision => "val_mean_average_precision",
        _ => throw new ArgumentOutOfRangeException(nameof(metric)),
    };

    /// <summary>Whether lower or higher values are better.</summary>
    public static MetricDirection Direction(this MonitorMetric metric) =>
        metric == MonitorMetric.Loss ? MetricDirection.Minimize : MetricDirection.Maximize;

    /// <summary>Parses loss, binary_accuracy, exact_match, macro_f1 or map (with or without a val_ prefix).</summary>
    public static MonitorMetric Parse(string text) => text.Trim().ToLowerInvariant().Replace('-', '_') switch
    {
        "loss" or "val_loss" => MonitorMetric.Loss,
        "binary_accuracy" or "val_binary_accuracy" or "accuracy" => MonitorMetric.BinaryAccuracy,
        "exact_match" or "val_exact_match" => MonitorMetric.ExactMatch,
        "macro_f1" or "val_macro_f1" => MonitorMetric.MacroF1,
        "map" or "mean_average_precision" or "val_mean_average_precision" => MonitorMetric.MeanAveragePrecision,
        _ => throw new ArgumentException($"Unknown monitor '{text}'. Use loss, binary_accuracy, exact_match, macro_f1 or map."),
    };
}
