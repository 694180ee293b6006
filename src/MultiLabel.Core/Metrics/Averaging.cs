namespace MultiLabel.Metrics;

/// <summary>How per-label scores are combined into one, as scikit-learn's <c>average</c> argument.</summary>
public enum Averaging
{
    /// <summary>Pool true positives, false positives and false negatives of all labels, then score once.</summary>
    Micro,
    /// <summary>Score each label, then take the unweighted mean over the labels where the score is defined.</summary>
    Macro,
    /// <summary>Score each label, then take the mean weighted by each label's support (number of positives).</summary>
    Weighted,
}
