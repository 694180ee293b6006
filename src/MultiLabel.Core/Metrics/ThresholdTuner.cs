namespace MultiLabel.Metrics;

/// <summary>Chooses a decision threshold per label that maximises that label's F1 on validation data.</summary>
public static class ThresholdTuner
{
    /// <summary>The threshold a label keeps when it has too few positives to tune on.</summary>
    public const float Fallback = ConfusionCounts.DefaultThreshold;

    /// <summary>
    /// One threshold per label for row-major <c>[images, <paramref name="labelCount"/>]</c> probabilities
    /// and 0/1 targets; see <see cref="ChooseForLabel"/> for how each is chosen.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length or do not hold whole rows.</exception>
    public static float[] Choose(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> targets, int labelCount, int minPositives = 5)
    {
        if (labelCount <= 0) throw new ArgumentOutOfRangeException(nameof(labelCount), labelCount, "There must be at least one label.");
        MetricInput.ImageCount(probabilities, targets, labelCount);
        var thresholds = new float[labelCount];
        for (int l = 0; l < labelCount; l++)
        {
            thresholds[l] = ChooseForLabel(
                MetricInput.Column(probabilities, labelCount, l), MetricInput.Column(targets, labelCount, l), minPositives);
        }
        return thresholds;
    }

    /// <summary>
    /// The threshold <c>t</c> (predict when score ≥ t) with the best F1 for one label. The candidates are
    /// 0.5 and every distinct score. Ties in F1 go to the candidate closest to 0.5 (and between two equally
    /// close, the higher one), so 0.5 stays whenever it is as good as any cut. A label with fewer than
    /// <paramref name="minPositives"/> positives (or none) keeps <see cref="Fallback"/>: its best cut on so
    /// few images says little about new ones.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length, or a score is NaN.</exception>
    public static float ChooseForLabel(ReadOnlySpan<float> scores, ReadOnlySpan<float> targets, int minPositives = 5)
    {
        var sweep = ThresholdSweep.Compute(scores, targets);
        long positives = sweep.Positives;
        if (positives == 0 || positives < minPositives) return Fallback;

        float best = Fallback;
        double bestF1 = F1At(sweep, Fallback);
        for (int k = 0; k < sweep.Count; k++)
        {
            float candidate = sweep.Thresholds[k];
            double f1 = ConfusionCounts.F1(sweep.TruePositives[k], sweep.FalsePositives[k], positives - sweep.TruePositives[k]);
            if (f1 > bestF1 || (f1 == bestF1 && IsCloserToFallback(candidate, best)))
            {
                best = candidate;
                bestF1 = f1;
            }
        }
        return best;
    }

    /// <summary>F1 when predicting the images scoring at least <paramref name="threshold"/>.</summary>
    private static double F1At(ThresholdSweep sweep, float threshold)
    {
        long tp = 0, fp = 0;
        for (int k = 0; k < sweep.Count && sweep.Thresholds[k] >= threshold; k++)
        {
            tp = sweep.TruePositives[k];
            fp = sweep.FalsePositives[k];
        }
        return ConfusionCounts.F1(tp, fp, sweep.Positives - tp);
    }

    private static bool IsCloserToFallback(float candidate, float current)
    {
        double a = Math.Abs((double)candidate - Fallback), b = Math.Abs((double)current - Fallback);
        return a < b || (a == b && candidate > current);
    }
}
