namespace MultiLabel.Metrics;

/// <summary>The evaluation of one label.</summary>
/// <param name="Label">The label's name.</param>
/// <param name="Threshold">The threshold its decisions were made at.</param>
/// <param name="Precision">TP / (TP + FP); 0 when the label was never predicted (scikit-learn's <c>zero_division=0</c>).</param>
/// <param name="Recall">TP / (TP + FN); 0 when the label has no positives.</param>
/// <param name="F1">2·TP / (2·TP + FP + FN); NaN when TP + FP + FN = 0, i.e. undefined and left out of macro F1.</param>
/// <param name="AveragePrecision">scikit-learn's average precision of its scores; NaN when it has no positives.</param>
/// <param name="Support">Images that carry the label.</param>
/// <param name="TruePositives">Images that carry it and were predicted to.</param>
/// <param name="FalsePositives">Images predicted to carry it that do not.</param>
/// <param name="FalseNegatives">Images that carry it but were not predicted to.</param>
public sealed record LabelResult(
    string Label,
    float Threshold,
    double Precision,
    double Recall,
    double F1,
    double AveragePrecision,
    long Support,
    long TruePositives,
    long FalsePositives,
    long FalseNegatives);
