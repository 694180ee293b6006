namespace MultiLabel.Data;

/// <summary>How labels are read from a dataset folder or label file.</summary>
public sealed record ImageSourceOptions
{
    /// <summary>Splits a folder name into labels: <c>black_jeans</c> means {black, jeans}.</summary>
    public string LabelSeparator { get; init; } = "_";
}
