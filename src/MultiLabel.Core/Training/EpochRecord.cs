namespace MultiLabel.Training;

/// <summary>
/// What one epoch measured, as named values: <c>epoch</c>, <c>lr</c>, <c>head_lr</c>, <c>loss</c>,
/// <c>binary_accuracy</c>, <c>val_loss</c>, <c>val_binary_accuracy</c>, <c>val_exact_match</c>,
/// <c>val_hamming_loss</c>, <c>val_micro_f1</c>, <c>val_macro_f1</c>, <c>val_mean_average_precision</c>,
/// <c>seconds</c>, <c>images_per_second</c>. Column order is the order of <see cref="Values"/>.
/// </summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="Values">Every measured value by column name, in column order.</param>
public sealed record EpochRecord(int Epoch, IReadOnlyList<KeyValuePair<string, double>> Values)
{
    /// <summary>The value of <paramref name="column"/>, or NaN when it was not measured.</summary>
    public double this[string column]
    {
        get
        {
            foreach (var (key, value) in Values)
                if (key == column) return value;
            return double.NaN;
        }
    }

    /// <summary>Training loss (mean binary cross-entropy over the epoch's batches).</summary>
    public double Loss => this["loss"];

    /// <summary>Validation loss.</summary>
    public double ValidationLoss => this["val_loss"];

    /// <summary>The watched quantity.</summary>
    public double Monitored(MonitorMetric metric) => this[metric.ColumnName()];
}

/// <summary>Progress inside an epoch, reported after every training step.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Epochs">Epochs in the run.</param>
/// <param name="Step">Steps done in this epoch.</param>
/// <param name="Steps">Steps per epoch.</param>
/// <param name="Loss">Mean training loss so far this epoch.</param>
/// <param name="ImagesPerSecond">Training throughput so far this epoch.</param>
/// <param name="Eta">Estimated time left in this epoch's training steps.</param>
public sealed record BatchRecord(int Epoch, int Epochs, int Step, int Steps, double Loss, double ImagesPerSecond, TimeSpan Eta);

/// <summary>The epochs a run went through, and how it ended. <see cref="Learner.Fit"/> returns it.</summary>
public sealed class History
{
    /// <summary>Where a run diverged: the epoch and step (1-based; step 0 means its validation pass) and what stopped being a number.</summary>
    public sealed record Divergence(int Epoch, int Step, string What);

    private readonly List<EpochRecord> epochs;

    /// <summary>Creates a history holding <paramref name="epochs"/> already run.</summary>
    public History(IEnumerable<EpochRecord>? epochs = null) => this.epochs = epochs?.ToList() ?? [];

    /// <summary>Every finished epoch, in order.</summary>
    public IReadOnlyList<EpochRecord> Epochs => epochs;

    /// <summary>True when the run was interrupted and saved its state to be resumed.</summary>
    public bool Interrupted { get; internal set; }

    /// <summary>Why the run stopped before its last epoch (early stopping, divergence), or null.</summary>
    public string? StopReason { get; internal set; }

    /// <summary>
    /// Where the run diverged — its loss or validation scores stopped being numbers — or null. The run then stopped at once,
    /// before any callback saw the epoch: what was saved (last.ckpt, the best model) is from the last good epoch.
    /// </summary>
    public Divergence? Diverged { get; internal set; }

    /// <summary>The epoch with the best watched value, or null before the first epoch.</summary>
    public EpochRecord? Best(MonitorMetric metric)
    {
        EpochRecord? best = null;
        var tracker = new MonitorTracker(metric.Direction());
        foreach (var epoch in epochs)
            if (tracker.Observe(epoch.Monitored(metric))) best = epoch;
        return best;
    }

    internal void Add(EpochRecord epoch) => epochs.Add(epoch);
}
