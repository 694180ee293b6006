namespace MultiLabel.Runs;

/// <summary>The record of a finished (or interrupted) run, also written as <c>summary.json</c>.</summary>
public sealed record TrainingSummary
{
    /// <summary>Epoch whose weights are in model.mlpkg.</summary>
    public int? BestEpoch { get; init; }

    /// <summary>Its value of the watched metric.</summary>
    public double? BestMetric { get; init; }

    /// <summary>The watched metric's column name.</summary>
    public required string Monitor { get; init; }

    /// <summary>Epochs finished.</summary>
    public int EpochsRun { get; init; }

    /// <summary>Training images.</summary>
    public int TrainImages { get; init; }

    /// <summary>Validation images.</summary>
    public int ValImages { get; init; }

    /// <summary>Training throughput over all epochs (training steps only).</summary>
    public double ImagesPerSecond { get; init; }

    /// <summary>Wall time of the run in seconds, decoding included.</summary>
    public double WallSeconds { get; init; }

    /// <summary>Files left out, with reasons.</summary>
    public int SkippedFiles { get; init; }

    /// <summary>True when the run was interrupted; continue it with <see cref="TrainingRunOptions.Resume"/>.</summary>
    public bool Interrupted { get; init; }

    /// <summary>Why it stopped early, if it did.</summary>
    public string? StopReason { get; init; }

    /// <summary>Validation metrics of the saved model with its stored thresholds (the tuned ones, when tuning is on).</summary>
    public IReadOnlyDictionary<string, double> FinalMetrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Validation metrics of the saved model with every threshold at 0.5, to compare with <see cref="FinalMetrics"/>.</summary>
    public IReadOnlyDictionary<string, double> FinalMetricsAtHalf { get; init; } = new Dictionary<string, double>();

    /// <summary>Per-label thresholds stored in the model.</summary>
    public IReadOnlyDictionary<string, float> Thresholds { get; init; } = new Dictionary<string, float>();
}
