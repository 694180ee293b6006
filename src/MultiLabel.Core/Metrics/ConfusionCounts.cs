namespace MultiLabel.Metrics;

/// <summary>
/// Per-label confusion counts (true/false positives and negatives) and the number of images with every
/// label right, accumulated batch by batch; the shared core of the threshold-based metrics.
/// </summary>
/// <remarks>
/// A label is predicted when its probability is at least its threshold (<c>p ≥ t</c>); a target counts
/// as positive when it is at least 0.5. Inputs are row-major <c>[batch, labelCount]</c>.
/// </remarks>
public sealed class ConfusionCounts
{
    /// <summary>The threshold used when none is given.</summary>
    public const float DefaultThreshold = 0.5f;

    private readonly float[] thresholds;
    private readonly long[] truePositives;
    private readonly long[] falsePositives;
    private readonly long[] falseNegatives;

    /// <summary>Counts for <paramref name="labelCount"/> labels sharing one <paramref name="threshold"/>.</summary>
    public ConfusionCounts(int labelCount, float threshold = DefaultThreshold) : this(MetricInput.Uniform(labelCount, threshold))
    {
    }

    /// <summary>Counts for one label per entry of <paramref name="thresholds"/>, each decided at its own threshold.</summary>
    public ConfusionCounts(IReadOnlyList<float> thresholds)
    {
        this.thresholds = MetricInput.Copy(thresholds);
        Thresholds = Array.AsReadOnly(this.thresholds);
        truePositives = new long[this.thresholds.Length];
        falsePositives = new long[this.thresholds.Length];
        falseNegatives = new long[this.thresholds.Length];
    }

    /// <summary>Number of labels (columns of each batch).</summary>
    public int LabelCount => thresholds.Length;

    /// <summary>The decision threshold of each label.</summary>
    public IReadOnlyList<float> Thresholds { get; }

    /// <summary>Number of images seen since the last <see cref="Reset"/>.</summary>
    public long ImageCount { get; private set; }

    /// <summary>Number of images whose every label decision was right.</summary>
    public long ExactMatches { get; private set; }

    /// <summary>Images that carry <paramref name="label"/> and were predicted to.</summary>
    public long TruePositives(int label) => truePositives[label];

    /// <summary>Images that do not carry <paramref name="label"/> but were predicted to.</summary>
    public long FalsePositives(int label) => falsePositives[label];

    /// <summary>Images that carry <paramref name="label"/> but were not predicted to.</summary>
    public long FalseNegatives(int label) => falseNegatives[label];

    /// <summary>Images that neither carry nor were predicted to carry <paramref name="label"/>.</summary>
    public long TrueNegatives(int label) => ImageCount - truePositives[label] - falsePositives[label] - falseNegatives[label];

    /// <summary>Images that carry <paramref name="label"/> (its positives).</summary>
    public long Support(int label) => truePositives[label] + falseNegatives[label];

    /// <summary>True positives summed over labels.</summary>
    public long TotalTruePositives => truePositives.Sum();

    /// <summary>False positives summed over labels.</summary>
    public long TotalFalsePositives => falsePositives.Sum();

    /// <summary>False negatives summed over labels.</summary>
    public long TotalFalseNegatives => falseNegatives.Sum();

    /// <summary>Number of label decisions made: images × labels.</summary>
    public long DecisionCount => ImageCount * LabelCount;

    /// <summary>TP / (TP + FP); 0 when the label was never predicted (scikit-learn's <c>zero_division=0</c>).</summary>
    public double Precision(int label) => Ratio(truePositives[label], truePositives[label] + falsePositives[label]);

    /// <summary>TP / (TP + FN); 0 when the label has no positives (scikit-learn's <c>zero_division=0</c>).</summary>
    public double Recall(int label) => Ratio(truePositives[label], Support(label));

    /// <summary>
    /// 2·TP / (2·TP + FP + FN), the harmonic mean of precision and recall. NaN when TP + FP + FN = 0
    /// (the label is neither present nor predicted anywhere, so F1 is undefined); 0 when the label has no
    /// positives but was predicted.
    /// </summary>
    public double F1(int label) => F1(truePositives[label], falsePositives[label], falseNegatives[label]);

    /// <summary>Forgets every batch seen so far.</summary>
    public void Reset()
    {
        Array.Clear(truePositives);
        Array.Clear(falsePositives);
        Array.Clear(falseNegatives);
        ImageCount = 0;
        ExactMatches = 0;
    }

    /// <summary>Adds one batch of row-major <c>[batch, labelCount]</c> probabilities and 0/1 targets.</summary>
    /// <exception cref="ArgumentException">The two spans differ in length or do not hold whole rows.</exception>
    public void Update(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> targets)
    {
        int labelCount = thresholds.Length;
        int images = MetricInput.ImageCount(probabilities, targets, labelCount);
        for (int i = 0; i < images; i++)
        {
            bool allRight = true;
            for (int l = 0; l < labelCount; l++)
            {
                bool predicted = probabilities[i * labelCount + l] >= thresholds[l];
                bool actual = MetricInput.IsPositive(targets[i * labelCount + l]);
                if (predicted && actual) truePositives[l]++;
                else if (predicted) falsePositives[l]++;
                else if (actual) falseNegatives[l]++;
                allRight &= predicted == actual;
            }
            if (allRight) ExactMatches++;
        }
        ImageCount += images;
    }

    /// <summary>F1 from counts: NaN when <paramref name="tp"/> + <paramref name="fp"/> + <paramref name="fn"/> = 0.</summary>
    internal static double F1(long tp, long fp, long fn)
    {
        long denominator = 2 * tp + fp + fn;
        return denominator == 0 ? double.NaN : 2.0 * tp / denominator;
    }

    private static double Ratio(long numerator, long denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
