namespace MultiLabel.Data;

/// <summary>Indices of the training and validation images of one dataset.</summary>
public sealed record DatasetSplit(IReadOnlyList<int> Train, IReadOnlyList<int> Validation);

/// <summary>How validation images are chosen.</summary>
public enum SplitMethod
{
    /// <summary>Iterative stratification over labels and label pairs (Sechidis et al. 2011; Szymański and Kajdanowicz 2017).</summary>
    Stratified,
    /// <summary>A seeded shuffle, as scikit-learn's <c>train_test_split</c> in the original recipe.</summary>
    Random,
}
