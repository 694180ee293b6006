namespace MultiLabel.Data;

/// <summary>One reason files were left out: <c>1000 × not found: train_21983 (no file with that stem)</c>.</summary>
/// <param name="Kind">The category.</param>
/// <param name="Count">How many files or entries.</param>
/// <param name="Example">One of them, as the label file wrote it or by file name.</param>
/// <param name="Detail">Why, for the example.</param>
public sealed record SkipGroup(SkipKind Kind, int Count, string Example, string Detail)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Count} × {Kind.Describe()}: {Example} ({Detail})";
}
