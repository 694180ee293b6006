using MultiLabel.Training.Callbacks;

namespace MultiLabel.Persistence;

/// <summary>Writes <c>last.ckpt</c> after every epoch and when a run is interrupted, so a resumed run can continue it.</summary>
public sealed class LastCheckpoint(string path) : ICallback
{
    /// <inheritdoc/>
    public void OnEpochEnd(FitContext context, Training.EpochRecord epoch) => TrainingCheckpoint.Save(path, context);

    /// <inheritdoc/>
    public void OnInterrupted(FitContext context) => TrainingCheckpoint.Save(path, context);
}
