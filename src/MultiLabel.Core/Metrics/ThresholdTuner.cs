namespace MultiLabel.Metrics;

/// <summary>
/// Chooses a decision threshold per label that holds up on new images. For each label the candidates are a coarse grid
/// (0.05 … 0.95); the best-F1 candidate (ties to the one nearest 0.5) is pulled toward 0.5 by the label's support
/// (<see cref="ThresholdTuning.Shrinkage"/>). That whole procedure is first run out of fold — chosen on k−1 folds of the
/// validation images, scored on the k-th, for several fold assignments whose counts are added — and the label keeps 0.5
/// unless the out-of-fold choices beat 0.5 on F1 and make <see cref="ThresholdTuning.MinErrorReduction"/> fewer errors
/// (false positives + false negatives) than it. A label with fewer than <see cref="ThresholdTuning.MinPositives"/>
/// positives keeps 0.5.
/// </summary>
public static class ThresholdTuner
{
    /// <summary>The threshold a label keeps unless tuning wins out of fold.</summary>
    public const float Fallback = ConfusionCounts.DefaultThreshold;

    /// <summary>One threshold per label for row-major <c>[images, <paramref name="labelCount"/>]</c> probabilities and 0/1 targets.</summary>
    /// <exception cref="ArgumentException">The spans differ in length or do not hold whole rows.</exception>
    public static float[] Choose(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> targets, int labelCount, ThresholdTuning? tuning = null)
    {
        if (labelCount <= 0) throw new ArgumentOutOfRangeException(nameof(labelCount), labelCount, "There must be at least one label.");
        MetricInput.ImageCount(probabilities, targets, labelCount);
        var thresholds = new float[labelCount];
        for (int l = 0; l < labelCount; l++)
            thresholds[l] = ChooseForLabel(MetricInput.Column(probabilities, labelCount, l), MetricInput.Column(targets, labelCount, l), tuning);
        return thresholds;
    }

    /// <summary>The threshold (predict when score ≥ t) of one label; see the type's summary.</summary>
    /// <exception cref="ArgumentException">The spans differ in length, or a score is NaN.</exception>
    public static float ChooseForLabel(ReadOnlySpan<float> scores, ReadOnlySpan<float> targets, ThresholdTuning? tuning = null)
    {
        tuning ??= ThresholdTuning.Default;
        if (scores.Length != targets.Length)
            throw new ArgumentException($"Got {scores.Length} scores but {targets.Length} targets for one label.", nameof(targets));
        var s = scores.ToArray();
        if (Array.FindIndex(s, float.IsNaN) is var nan and >= 0)
            throw new ArgumentException($"Score {nan} is not a number; thresholds need every score.", nameof(scores));
        var y = new bool[targets.Length];
        for (int i = 0; i < y.Length; i++) y[i] = MetricInput.IsPositive(targets[i]);
        int positives = y.Count(p => p);
        if (positives == 0 || positives < tuning.MinPositives) return Fallback;

        float[] grid = Grid(tuning.GridStep);
        var outOfFold = new Counts();
        var half = new Counts();
        int[] fold = [];
        for (int repeat = 0; repeat < Math.Max(1, tuning.Repeats); repeat++)
        {
            fold = Folds(y, Math.Clamp(tuning.Folds, 2, positives), tuning.Seed + repeat);
            int k = fold.Max() + 1;
            for (int f = 0; f < k; f++)
            {
                float t = Fit(s, y, fold, exclude: f, grid, tuning.Shrinkage);
                for (int i = 0; i < s.Length; i++)
                    if (fold[i] == f) outOfFold.Add(s[i] >= t, y[i]);
            }
            for (int i = 0; i < s.Length; i++) half.Add(s[i] >= Fallback, y[i]);
        }
        bool wins = outOfFold.F1 > half.F1 && outOfFold.Errors <= half.Errors * (1 - tuning.MinErrorReduction);
        return wins ? Fit(s, y, fold, exclude: -1, grid, tuning.Shrinkage) : Fallback;
    }

    /// <summary>The best-F1 grid threshold over the images outside fold <paramref name="exclude"/>, pulled toward 0.5 by their positives.</summary>
    private static float Fit(float[] s, bool[] y, int[] fold, int exclude, float[] grid, double shrinkage)
    {
        float best = Fallback;
        double bestF1 = -1;
        int positives = 0;
        for (int i = 0; i < s.Length; i++)
            if (fold[i] != exclude && y[i]) positives++;
        foreach (float t in grid)
        {
            var counts = new Counts();
            for (int i = 0; i < s.Length; i++)
                if (fold[i] != exclude) counts.Add(s[i] >= t, y[i]);
            double f1 = counts.F1;
            if (f1 > bestF1 || (f1 == bestF1 && Closer(t, best)))
            {
                best = t;
                bestF1 = f1;
            }
        }
        return (float)(Fallback + (best - Fallback) * positives / (positives + shrinkage));
    }

    private static bool Closer(float candidate, float current)
    {
        double a = Math.Abs(candidate - Fallback), b = Math.Abs(current - Fallback);
        return a < b || (a == b && candidate > current);
    }

    /// <summary>0.5 and the multiples of <paramref name="step"/> strictly between 0 and 1.</summary>
    private static float[] Grid(double step)
    {
        if (!(step > 0 && step < 0.5)) throw new ArgumentOutOfRangeException(nameof(step), step, "The grid step must lie between 0 and 0.5, e.g. 0.05.");
        var grid = new SortedSet<float> { Fallback };
        for (int i = 1; i * step < 1 - 1e-9; i++) grid.Add((float)Math.Round(i * step, 6));
        return grid.ToArray();
    }

    /// <summary>A seeded fold per image, positives and negatives each spread evenly over the folds.</summary>
    private static int[] Folds(bool[] y, int k, int seed)
    {
        var random = new Random(seed);
        var fold = new int[y.Length];
        foreach (bool side in new[] { true, false })
        {
            int[] members = Enumerable.Range(0, y.Length).Where(i => y[i] == side).ToArray();
            random.Shuffle(members);
            for (int r = 0; r < members.Length; r++) fold[members[r]] = r % k;
        }
        return fold;
    }

    /// <summary>True/false positives and false negatives of one label.</summary>
    private struct Counts
    {
        private long tp, fp, fn;

        public void Add(bool predicted, bool actual)
        {
            if (predicted && actual) tp++;
            else if (predicted) fp++;
            else if (actual) fn++;
        }

        public readonly double F1 => ConfusionCounts.F1(tp, fp, fn);

        public readonly long Errors => fp + fn;
    }
}
