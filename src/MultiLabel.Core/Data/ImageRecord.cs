namespace MultiLabel.Data;

/// <summary>One image of a dataset and the labels it carries.</summary>
/// <param name="Path">Full path of the image file.</param>
/// <param name="Labels">Its labels, distinct and sorted ordinally.</param>
public sealed record ImageRecord(string Path, IReadOnlyList<string> Labels)
{
    /// <summary>The top-level folder the labels were read from (e.g. <c>red_dress</c>), when the dataset is a folder.</summary>
    public string? Folder { get; init; }

    /// <summary>The label set as one key, labels sorted and joined by <paramref name="separator"/>.</summary>
    public string LabelSetKey(string separator = "_") => string.Join(separator, Labels);
}

/// <summary>A file that was left out of a dataset, and why.</summary>
public sealed record SkippedFile(string Path, string Reason);
