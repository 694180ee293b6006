using MultiLabel.Training;
using MultiLabel.Training.Callbacks;

namespace MultiLabel.Persistence;

/// <summary>Saves the model bundle whenever the watched validation metric improves (Keras' <c>ModelCheckpoint(save_best_only=True)</c>).</summary>
public sealed class BestModelCheckpoint(string path, MonitorMetric monitor, Func<EpochRecord, BundleManifest> manifestFor) : ICallback
{
    private MonitorTracker tracker = new(monitor.Direction());

    /// <summary>The epoch whose weights are in the bundle, or null before the first improvement.</summary>
    public EpochRecord? BestEpoch { get; private set; }

    /// <summary>Where the bundle is written.</summary>
    public string Path => path;

    /// <inheritdoc/>
    public void OnFitStart(FitContext context)
    {
        tracker = new MonitorTracker(monitor.Direction());
        foreach (var epoch in context.History.Epochs)
            if (tracker.Observe(epoch.Monitored(monitor))) BestEpoch = epoch;
    }

    /// <inheritdoc/>
    public void OnEpochEnd(FitContext context, EpochRecord epoch)
    {
        if (!tracker.Observe(epoch.Monitored(monitor))) return;
        BestEpoch = epoch;
        ModelBundle.Save(path, manifestFor(epoch), context.SaveWeights);
    }
}
