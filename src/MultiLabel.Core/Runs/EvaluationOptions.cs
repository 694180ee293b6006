using MultiLabel.Data;

namespace MultiLabel.Runs;

/// <summary>How a model is scored on a labelled dataset.</summary>
public sealed record EvaluationOptions
{
    /// <summary>How labels are read from folder names.</summary>
    public ImageSourceOptions Source { get; init; } = new();

    /// <summary>The decode cache folder; <c>null</c> turns caching off.</summary>
    public string? CacheDirectory { get; init; } = ImageCache.DefaultDirectory;

    /// <summary>One threshold for every label, overriding the thresholds stored in the model.</summary>
    public float? Threshold { get; init; }

    /// <summary>Images per forward pass.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Decoding threads; 0 uses every core.</summary>
    public int Threads { get; init; }

    /// <summary>How many of the most confused label pairs to keep.</summary>
    public int ConfusedPairs { get; init; } = 10;
}
