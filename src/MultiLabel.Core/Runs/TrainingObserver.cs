using MultiLabel.Data;
using MultiLabel.Training.Callbacks;

namespace MultiLabel.Runs;

/// <summary>Where a run reports what it does; every member is optional.</summary>
public sealed record TrainingObserver
{
    /// <summary>Decoding progress.</summary>
    public IProgress<DecodeProgress>? Decoding { get; init; }

    /// <summary>Notes for the user: skipped files, the split, the outputs.</summary>
    public IProgress<string>? Messages { get; init; }

    /// <summary>Extra callbacks (progress display, custom logging).</summary>
    public IReadOnlyList<ICallback> Callbacks { get; init; } = [];
}
