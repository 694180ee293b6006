using System.Runtime.InteropServices;

namespace MultiLabel.Metrics;

/// <summary>
/// Keeps every probability and target seen, row-major <c>[images, labelCount]</c>, for the metrics that
/// rank scores (average precision, precision–recall curves) rather than count thresholded decisions.
/// </summary>
public sealed class ScoreBuffer
{
    private readonly List<float> probabilities = [];
    private readonly List<float> targets = [];

    /// <summary>A buffer for rows of <paramref name="labelCount"/> labels.</summary>
    public ScoreBuffer(int labelCount)
    {
        if (labelCount <= 0) throw new ArgumentOutOfRangeException(nameof(labelCount), labelCount, "There must be at least one label.");
        LabelCount = labelCount;
    }

    /// <summary>Number of labels (columns).</summary>
    public int LabelCount { get; }

    /// <summary>Number of images (rows) kept.</summary>
    public int ImageCount => probabilities.Count / LabelCount;

    /// <summary>All probabilities kept, row-major; valid until the next <see cref="Add"/> or <see cref="Clear"/>.</summary>
    public ReadOnlySpan<float> Probabilities => CollectionsMarshal.AsSpan(probabilities);

    /// <summary>All targets kept, row-major; valid until the next <see cref="Add"/> or <see cref="Clear"/>.</summary>
    public ReadOnlySpan<float> Targets => CollectionsMarshal.AsSpan(targets);

    /// <summary>Appends one batch of row-major <c>[batch, labelCount]</c> probabilities and 0/1 targets.</summary>
    /// <exception cref="ArgumentException">The two spans differ in length or do not hold whole rows.</exception>
    public void Add(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> targets)
    {
        MetricInput.ImageCount(probabilities, targets, LabelCount);
        this.probabilities.AddRange(probabilities);
        this.targets.AddRange(targets);
    }

    /// <summary>Forgets every row.</summary>
    public void Clear()
    {
        probabilities.Clear();
        targets.Clear();
    }

    /// <summary>The probabilities of <paramref name="label"/>, one per image.</summary>
    public float[] ScoresOf(int label) => MetricInput.Column(Probabilities, LabelCount, label);

    /// <summary>The targets of <paramref name="label"/>, one per image.</summary>
    public float[] TargetsOf(int label) => MetricInput.Column(Targets, LabelCount, label);
}
