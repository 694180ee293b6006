namespace MultiLabel.Inference;

/// <summary>What the model says about one image, or why it could not say anything.</summary>
/// <param name="Source">The file path, or a name for images given as bytes.</param>
/// <param name="Labels">Predicted labels, highest score first.</param>
/// <param name="Scores">Probability of every label, in vocabulary order.</param>
/// <param name="Error">Why the image could not be predicted (then labels and scores are empty).</param>
public sealed record Prediction(string Source, IReadOnlyList<string> Labels, IReadOnlyDictionary<string, float> Scores, string? Error = null)
{
    /// <summary>True when the image could not be decoded.</summary>
    public bool Failed => Error != null;
}

/// <summary>How probabilities become labels.</summary>
public sealed record PredictOptions
{
    /// <summary>One threshold for every label, overriding the thresholds stored in the model.</summary>
    public float? Threshold { get; init; }

    /// <summary>Keep at most this many labels (the highest scores) per image.</summary>
    public int? TopK { get; init; }

    /// <summary>Images per forward pass.</summary>
    public int BatchSize { get; init; } = 32;
}
