namespace MultiLabel.Metrics;

/// <summary>
/// Precision and recall of one label at every distinct score used as threshold, laid out as
/// scikit-learn's <c>precision_recall_curve</c> returns them: <see cref="Thresholds"/> ascending,
/// <c>Precision[k]</c> and <c>Recall[k]</c> at <c>Thresholds[k]</c>, and one last point
/// (precision 1, recall 0) with no threshold, so the two lists are one longer than the thresholds.
/// </summary>
/// <param name="Precision">Precision at each threshold, then 1.</param>
/// <param name="Recall">Recall at each threshold (non-increasing), then 0.</param>
/// <param name="Thresholds">The distinct scores, ascending.</param>
public sealed record PrecisionRecallCurve(IReadOnlyList<double> Precision, IReadOnlyList<double> Recall, IReadOnlyList<float> Thresholds)
{
    /// <summary>
    /// The curve of one label's <paramref name="scores"/> against its 0/1 <paramref name="targets"/>.
    /// With no positives, recall is set to 1 at every threshold, as scikit-learn does (with a warning there).
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length, or a score is NaN.</exception>
    public static PrecisionRecallCurve Compute(ReadOnlySpan<float> scores, ReadOnlySpan<float> targets) =>
        FromSweep(ThresholdSweep.Compute(scores, targets));

    /// <summary>The curve of an existing <paramref name="sweep"/>.</summary>
    public static PrecisionRecallCurve FromSweep(ThresholdSweep sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        int n = sweep.Count;
        var precision = new double[n + 1];
        var recall = new double[n + 1];
        var thresholds = new float[n];
        for (int k = 0; k < n; k++)
        {
            int at = n - 1 - k; // the sweep runs from the highest score down
            long tp = sweep.TruePositives[k];
            precision[at] = (double)tp / (tp + sweep.FalsePositives[k]); // each step predicts at least one image
            recall[at] = sweep.Positives == 0 ? 1 : (double)tp / sweep.Positives;
            thresholds[at] = sweep.Thresholds[k];
        }
        precision[n] = 1;
        recall[n] = 0;
        return new PrecisionRecallCurve(Array.AsReadOnly(precision), Array.AsReadOnly(recall), Array.AsReadOnly(thresholds));
    }
}
