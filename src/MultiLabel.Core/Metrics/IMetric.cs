namespace MultiLabel.Metrics;

/// <summary>
/// A streaming metric over multi-label predictions: <see cref="Reset"/>, then any number of
/// <see cref="Update"/> calls with batches, then <see cref="Compute"/> for the value over everything seen.
/// </summary>
/// <remarks>
/// Inputs are row-major <c>[batch, labelCount]</c>: <c>probabilities[i * labelCount + l]</c> is the
/// sigmoid output of label <c>l</c> for image <c>i</c>, and <c>targets</c> holds 0 or 1 in the same
/// layout (a target counts as positive when it is at least 0.5). A label is predicted when its
/// probability is at least its threshold, as <c>LabelVocabulary.Decode</c> decides.
/// </remarks>
public interface IMetric
{
    /// <summary>The metric's name as it appears in histories and reports, e.g. <c>macro_f1</c> (see <see cref="MetricNames"/>).</summary>
    string Name { get; }

    /// <summary>Whether a larger or a smaller value is better.</summary>
    MetricDirection Direction { get; }

    /// <summary>Forgets every batch seen so far.</summary>
    void Reset();

    /// <summary>Adds one batch of row-major <c>[batch, labelCount]</c> probabilities and 0/1 targets.</summary>
    /// <exception cref="ArgumentException">The two spans differ in length or do not hold whole rows.</exception>
    void Update(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> targets);

    /// <summary>The metric over every batch since the last <see cref="Reset"/>; NaN when it is undefined (for example before any batch).</summary>
    double Compute();
}
