namespace MultiLabel.Metrics;

/// <summary>Which way a metric improves; callbacks that watch a metric read it instead of guessing from its name.</summary>
public enum MetricDirection
{
    /// <summary>Smaller is better (losses, Hamming loss).</summary>
    Minimize,
    /// <summary>Larger is better (accuracy, F1, average precision).</summary>
    Maximize,
}
