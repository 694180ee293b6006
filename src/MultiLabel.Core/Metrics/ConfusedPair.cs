namespace MultiLabel.Metrics;

/// <summary>
/// A pair of labels the model mixes up: <see cref="Count"/> images carry <see cref="Actual"/> but it was
/// missed, while <see cref="Predicted"/>, which they do not carry, was predicted.
/// </summary>
/// <param name="Actual">The label the images carry and the model missed.</param>
/// <param name="Predicted">The label predicted for them wrongly.</param>
/// <param name="Count">How many images had both mistakes at once.</param>
public sealed record ConfusedPair(string Actual, string Predicted, long Count);
