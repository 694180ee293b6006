namespace MultiLabel.Training.Callbacks;

/// <summary>
/// Hooks into <see cref="Learner.Fit"/>. Every method is optional. Callbacks read the run through the
/// <see cref="FitContext"/> and ask for a stop or a learning-rate change through it.
/// </summary>
public interface ICallback
{
    /// <summary>Before the first step (also when resuming: <see cref="FitContext.History"/> then holds the epochs already run).</summary>
    void OnFitStart(FitContext context) { }

    /// <summary>After every training step.</summary>
    void OnBatchEnd(FitContext context, BatchRecord batch) { }

    /// <summary>After each epoch's validation.</summary>
    void OnEpochEnd(FitContext context, EpochRecord epoch) { }

    /// <summary>When the run was cancelled: the current step has finished and the state can be saved.</summary>
    void OnInterrupted(FitContext context) { }

    /// <summary>After the last epoch (not after an interruption).</summary>
    void OnFitEnd(FitContext context, History history) { }
}
