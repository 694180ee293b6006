using MultiLabel.Inference;

namespace MultiLabel.Runs;

/// <summary>Where an evaluation reports its progress; every member is optional.</summary>
public sealed record EvaluationObserver
{
    /// <summary>Images decoded and run through the model so far (decoding runs a batch or two ahead of the model).</summary>
    public IProgress<InferenceProgress>? Predicting { get; init; }
}
