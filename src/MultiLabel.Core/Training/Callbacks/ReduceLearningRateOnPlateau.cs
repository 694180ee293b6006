namespace MultiLabel.Training.Callbacks;

/// <summary>
/// Halves (by default) the learning rate after <see cref="PlateauOptions.Patience"/> epochs without
/// improvement of the watched metric, never below the floor, then waits another patience (Keras'
/// <c>ReduceLROnPlateau</c>, min_delta 1e-4, no cooldown).
/// </summary>
public sealed class ReduceLearningRateOnPlateau(MonitorMetric monitor, PlateauOptions options) : ICallback
{
    private const double MinDelta = 1e-4;
    private MonitorTracker tracker = new(monitor.Direction(), MinDelta);

    /// <inheritdoc/>
    public void OnFitStart(FitContext context)
    {
        // Replaying the finished epochs restores the waiting count of a resumed run.
        tracker = new MonitorTracker(monitor.Direction(), MinDelta);
        foreach (var epoch in context.History.Epochs) Observe(epoch, null);
    }

    /// <inheritdoc/>
    public void OnEpochEnd(FitContext context, EpochRecord epoch) => Observe(epoch, context);

    private void Observe(EpochRecord epoch, FitContext? context)
    {
        if (tracker.Observe(epoch.Monitored(monitor)) || tracker.SinceImprovement < options.Patience) return;
        tracker.ResetWait();
        context?.RequestLearningRateFactor(options.Factor);
    }
}
