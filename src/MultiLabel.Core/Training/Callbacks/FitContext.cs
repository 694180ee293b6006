namespace MultiLabel.Training.Callbacks;

/// <summary>
/// What a callback may see of a running fit, and the only ways it may act on it: asking for a stop,
/// asking for a lower learning rate, and taking a snapshot of the model or the whole training state.
/// </summary>
public sealed class FitContext
{
    private readonly Func<bool, TrainingSnapshot> snapshot;
    private readonly Action<Stream> saveWeights;
    private readonly Action<Stream> saveOptimizer;

    internal FitContext(TrainingOptions options, History history, int stepsPerEpoch, int trainImages, int validationImages,
        Func<bool, TrainingSnapshot> snapshot, Action<Stream> saveWeights, Action<Stream> saveOptimizer)
    {
        Options = options;
        History = history;
        StepsPerEpoch = stepsPerEpoch;
        TrainImages = trainImages;
        ValidationImages = validationImages;
        this.snapshot = snapshot;
        this.saveWeights = saveWeights;
        this.saveOptimizer = saveOptimizer;
    }

    /// <summary>The run's options.</summary>
    public TrainingOptions Options { get; }

    /// <summary>Epochs finished so far.</summary>
    public History History { get; }

    /// <summary>The current 1-based epoch.</summary>
    public int Epoch { get; internal set; }

    /// <summary>Training steps per epoch.</summary>
    public int StepsPerEpoch { get; }

    /// <summary>Number of training images.</summary>
    public int TrainImages { get; }

    /// <summary>Number of validation images.</summary>
    public int ValidationImages { get; }

    /// <summary>Product of every learning-rate reduction applied so far (1 when none).</summary>
    public double LearningRateScale { get; internal set; } = 1;

    internal string? StopRequest { get; private set; }

    internal double PendingLearningRateFactor { get; private set; } = 1;

    /// <summary>Asks the learner to stop after this epoch.</summary>
    public void RequestStop(string reason) => StopRequest ??= reason;

    /// <summary>Asks the learner to multiply every learning rate by <paramref name="factor"/> from the next epoch on.</summary>
    public void RequestLearningRateFactor(double factor) => PendingLearningRateFactor *= factor;

    /// <summary>
    /// The whole training state, for a resumable checkpoint. Without <paramref name="includeState"/>
    /// the network and optimiser states are left empty: write them with <see cref="SaveWeights"/> and
    /// <see cref="SaveOptimizerState"/> straight to their destination, without a copy in memory.
    /// </summary>
    public TrainingSnapshot Snapshot(bool includeState = true) => snapshot(includeState);

    /// <summary>Writes the network's weights (TorchSharp format) to <paramref name="stream"/>.</summary>
    public void SaveWeights(Stream stream) => saveWeights(stream);

    /// <summary>Writes the optimiser's state (TorchSharp format) to <paramref name="stream"/>.</summary>
    public void SaveOptimizerState(Stream stream) => saveOptimizer(stream);

    internal void ClearRequests()
    {
        StopRequest = null;
        PendingLearningRateFactor = 1;
    }
}
