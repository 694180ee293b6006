namespace MultiLabel.Metrics;

/// <summary>
/// The counts of one label at every distinct score used as threshold, highest first: at threshold
/// <c>Thresholds[k]</c> the images scoring at least it are predicted, and <c>TruePositives[k]</c> /
/// <c>FalsePositives[k]</c> of them are right / wrong. Tied scores form one step, as in scikit-learn's
/// <c>_binary_clf_curve</c>; the ranking curves and the threshold tuner are built on it.
/// </summary>
public sealed class ThresholdSweep
{
    private ThresholdSweep(float[] thresholds, long[] truePositives, long[] falsePositives, long positives, long negatives)
    {
        Thresholds = Array.AsReadOnly(thresholds);
        TruePositives = Array.AsReadOnly(truePositives);
        FalsePositives = Array.AsReadOnly(falsePositives);
        Positives = positives;
        Negatives = negatives;
    }

    /// <summary>The distinct scores, in descending order.</summary>
    public IReadOnlyList<float> Thresholds { get; }

    /// <summary>Positives scoring at least the threshold of the same index.</summary>
    public IReadOnlyList<long> TruePositives { get; }

    /// <summary>Negatives scoring at least the threshold of the same index.</summary>
    public IReadOnlyList<long> FalsePositives { get; }

    /// <summary>Number of steps (distinct scores).</summary>
    public int Count => Thresholds.Count;

    /// <summary>Number of positive targets (the label's support).</summary>
    public long Positives { get; }

    /// <summary>Number of negative targets.</summary>
    public long Negatives { get; }

    /// <summary>The sweep over one label's <paramref name="scores"/> and 0/1 <paramref name="targets"/> (positive from 0.5 up).</summary>
    /// <exception cref="ArgumentException">The spans differ in length, or a score is NaN.</exception>
    public static ThresholdSweep Compute(ReadOnlySpan<float> scores, ReadOnlySpan<float> targets)
    {
        if (scores.Length != targets.Length)
            throw new ArgumentException($"Got {scores.Length} scores but {targets.Length} targets for one label.", nameof(targets));
        float[] sorted = scores.ToArray();
        int nan = Array.FindIndex(sorted, float.IsNaN);
        if (nan >= 0) throw new ArgumentException($"Score {nan} is not a number; a ranking needs every score.", nameof(scores));
        bool[] positive = new bool[targets.Length];
        for (int i = 0; i < positive.Length; i++) positive[i] = MetricInput.IsPositive(targets[i]);
        Array.Sort(sorted, positive); // ascending; walked from the end. Order within ties does not matter.

        var steps = new List<float>();
        var tps = new List<long>();
        var fps = new List<long>();
        long tp = 0, fp = 0;
        for (int i = sorted.Length - 1; i >= 0; i--)
        {
            if (positive[i]) tp++;
            else fp++;
            if (i > 0 && sorted[i - 1] == sorted[i]) continue; // the tie goes on: one step for all of it
            steps.Add(sorted[i]);
            tps.Add(tp);
            fps.Add(fp);
        }
        return new ThresholdSweep(steps.ToArray(), tps.ToArray(), fps.ToArray(), tp, fp);
    }
}
