namespace MultiLabel.Metrics;

/// <summary>
/// Average precision of one label, exactly as scikit-learn's <c>average_precision_score</c>:
/// AP = Σₙ (Rₙ − Rₙ₋₁) Pₙ over the distinct scores taken as thresholds from the highest down
/// (R₀ = 0), tied scores forming one step, with no interpolation of precision.
/// </summary>
public static class AveragePrecision
{
    /// <summary>
    /// The average precision of <paramref name="scores"/> against 0/1 <paramref name="targets"/> (positive
    /// from 0.5 up). NaN when there are no positives: recall is then undefined, so AP is too (scikit-learn
    /// warns and returns 0 instead), and a mean over labels can leave the label out.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length, or a score is NaN.</exception>
    public static double Compute(ReadOnlySpan<float> scores, ReadOnlySpan<float> targets) =>
        FromSweep(ThresholdSweep.Compute(scores, targets));

    /// <summary>The average precision of an existing <paramref name="sweep"/>; NaN when it has no positives.</summary>
    public static double FromSweep(ThresholdSweep sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        if (sweep.Positives == 0) return double.NaN;
        double sum = 0;
        long previousTruePositives = 0;
        for (int k = 0; k < sweep.Count; k++)
        {
            long tp = sweep.TruePositives[k];
            if (tp == previousTruePositives) continue; // recall did not move: this step adds nothing
            double precision = (double)tp / (tp + sweep.FalsePositives[k]);
            sum += (double)(tp - previousTruePositives) / sweep.Positives * precision;
            previousTruePositives = tp;
        }
        return sum;
    }
}
