using MultiLabel.Training;
using MultiLabel.Training.Callbacks;

namespace MultiLabel.Reporting;

/// <summary>After every epoch, rewrites <c>history.csv</c>, <c>loss.png</c> and <c>accuracy.png</c> in the run's folder.</summary>
public sealed class RunReportWriter(string folder) : ICallback
{
    /// <inheritdoc/>
    public void OnEpochEnd(FitContext context, EpochRecord epoch)
    {
        HistoryCsv.Save(context.History.Epochs, Path.Combine(folder, "history.csv"));
        TrainingCurves.Save(context.History.Epochs, folder);
    }
}
