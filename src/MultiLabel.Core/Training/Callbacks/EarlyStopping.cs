namespace MultiLabel.Training.Callbacks;

/// <summary>Stops a run after <paramref name="patience"/> epochs without improvement of the watched metric.</summary>
public sealed class EarlyStopping(MonitorMetric monitor, int patience) : ICallback
{
    private MonitorTracker tracker = new(monitor.Direction());

    /// <inheritdoc/>
    public void OnFitStart(FitContext context)
    {
        tracker = new MonitorTracker(monitor.Direction());
        foreach (var epoch in context.History.Epochs) tracker.Observe(epoch.Monitored(monitor));
    }

    /// <inheritdoc/>
    public void OnEpochEnd(FitContext context, EpochRecord epoch)
    {
        tracker.Observe(epoch.Monitored(monitor));
        if (tracker.SinceImprovement >= patience)
            context.RequestStop($"early stopping: {monitor.ColumnName()} did not improve for {patience} epochs (best {tracker.Best:G4})");
    }
}
