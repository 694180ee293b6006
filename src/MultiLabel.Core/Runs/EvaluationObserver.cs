using MultiLabel.Data;
using MultiLabel.Inference;

namespace MultiLabel.Runs;

/// <summary>Where an evaluation reports its progress; every member is optional.</summary>
public sealed record EvaluationObserver
{
    /// <summary>Decoding progress.</summary>
    public IProgress<DecodeProgress>? Decoding { get; init; }

    /// <summary>Images run through the model so far.</summary>
    public IProgress<InferenceProgress>? Predicting { get; init; }
}
