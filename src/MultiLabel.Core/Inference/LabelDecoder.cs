using MultiLabel.Persistence;

namespace MultiLabel.Inference;

/// <summary>
/// The one place where scores become labels: a label is given when its score reaches its threshold (the model's
/// per-label thresholds, or one override for every label); the labels given are ordered by score, highest first,
/// ties in output order, and cut to the top <c>k</c> when asked. The predictor, the evaluation and its report and
/// the server all decide through it, so they cannot disagree.
/// </summary>
public sealed class LabelDecoder
{
    private readonly string[] labels;
    private readonly float[] thresholds;

    /// <summary>A decoder over <paramref name="labels"/> (output order) with one threshold each.</summary>
    public LabelDecoder(IReadOnlyList<string> labels, IReadOnlyList<float> thresholds)
    {
        if (labels.Count != thresholds.Count)
            throw new ArgumentException($"Got {labels.Count} labels but {thresholds.Count} thresholds; give one threshold per label.", nameof(thresholds));
        this.labels = [.. labels];
        this.thresholds = [.. thresholds];
    }

    /// <summary>The decoder of <paramref name="manifest"/>'s labels: its thresholds, or <paramref name="threshold"/> for every label when given.</summary>
    public static LabelDecoder For(BundleManifest manifest, float? threshold = null) =>
        new(manifest.Labels, threshold is { } t ? Enumerable.Repeat(t, manifest.Labels.Count).ToArray() : manifest.Thresholds);

    /// <summary>The labels, in output order.</summary>
    public IReadOnlyList<string> Labels => labels;

    /// <summary>The threshold of each label, in output order.</summary>
    public IReadOnlyList<float> Thresholds => thresholds;

    /// <summary>True when <paramref name="score"/> gives label <paramref name="label"/> (a NaN score never does).</summary>
    public bool Gives(int label, float score) => score >= thresholds[label];

    /// <summary>The labels <paramref name="scores"/> (one per label, output order) give, highest score first, at most <paramref name="topK"/>.</summary>
    public IReadOnlyList<string> Decode(ReadOnlySpan<float> scores, int? topK = null)
    {
        if (scores.Length != labels.Length)
            throw new ArgumentException($"Expected {labels.Length} scores, one per label; got {scores.Length}.", nameof(scores));
        var given = new List<int>();
        for (int i = 0; i < labels.Length; i++)
            if (Gives(i, scores[i])) given.Add(i);
        var copy = scores.ToArray();
        // Stable: equal scores keep output order.
        var ordered = given.OrderByDescending(i => copy[i]).Select(i => labels[i]);
        if (topK is { } k) ordered = ordered.Take(Math.Max(0, k));
        return ordered.ToArray();
    }
}
