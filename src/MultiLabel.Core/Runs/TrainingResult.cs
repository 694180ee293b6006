using MultiLabel.Data;
using MultiLabel.Training;

namespace MultiLabel.Runs;

/// <summary>The outcome of <see cref="TrainingRun.Run"/>.</summary>
/// <param name="History">Every epoch.</param>
/// <param name="ModelPath">The saved model bundle.</param>
/// <param name="Summary">What summary.json holds.</param>
/// <param name="Skipped">Files left out of the data, with reasons.</param>
public sealed record TrainingResult(History History, string ModelPath, TrainingSummary Summary, IReadOnlyList<SkippedFile> Skipped);
