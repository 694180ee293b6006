namespace MultiLabel.Training;

/// <summary>
/// Everything needed to continue a run exactly where it stopped: position, random streams, network
/// and optimiser state, the partial sums of the epoch in progress and the history so far.
/// </summary>
public sealed record TrainingSnapshot
{
    /// <summary>Identifies the run's settings and data; a checkpoint only resumes a run with the same fingerprint.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>The options of the run, so resuming needs none but the data and output folder.</summary>
    public required TrainingOptions Options { get; init; }

    /// <summary>The 1-based epoch in progress.</summary>
    public required int Epoch { get; init; }

    /// <summary>Training steps of that epoch already done (equal to the steps per epoch when only validation is left).</summary>
    public required int Step { get; init; }

    /// <summary>The order of training images in the epoch in progress.</summary>
    public required int[] EpochOrder { get; init; }

    /// <summary>State of the run's <see cref="Data.RandomSource"/>.</summary>
    public required ulong[] RandomState { get; init; }

    /// <summary>State of libtorch's CPU generator (dropout).</summary>
    public required byte[] TorchRandomState { get; init; }

    /// <summary>Network weights and buffers (TorchSharp format).</summary>
    public required byte[] ModelState { get; init; }

    /// <summary>Optimiser state (TorchSharp format).</summary>
    public required byte[] OptimizerState { get; init; }

    /// <summary>Product of learning-rate reductions applied so far.</summary>
    public required double LearningRateScale { get; init; }

    /// <summary>Sum of batch losses × batch sizes in the epoch in progress.</summary>
    public required double PartialLossSum { get; init; }

    /// <summary>Correct label decisions so far in the epoch in progress.</summary>
    public required long PartialCorrect { get; init; }

    /// <summary>Images seen so far in the epoch in progress.</summary>
    public required long PartialImages { get; init; }

    /// <summary>Seconds of training spent so far in the epoch in progress.</summary>
    public required double PartialSeconds { get; init; }

    /// <summary>Finished epochs.</summary>
    public required IReadOnlyList<EpochRecord> History { get; init; }
}
