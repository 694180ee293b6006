namespace MultiLabel.Training;

/// <summary>How much a positive target counts against a negative one in the loss, per label.</summary>
public enum PositiveWeighting
{
    /// <summary>Every target counts once.</summary>
    None,

    /// <summary>
    /// Each label's positives count negatives ÷ positives times (from the training images), at least 1 and
    /// at most <see cref="Losses.PositiveWeights.Cap"/>.
    /// </summary>
    Auto,
}
