namespace MultiLabel.Data;

/// <summary>One image of a dataset and the labels it carries.</summary>
/// <param name="Path">Full path of the image file.</param>
/// <param name="Labels">Its labels, distinct and sorted ordinally; empty for an image that carries none (all targets 0).</param>
public sealed record ImageRecord(string Path, IReadOnlyList<string> Labels)
{
    /// <summary>The top-level folder the labels were read from (e.g. <c>red_dress</c>), when the dataset is a folder.</summary>
    public string? Folder { get; init; }

    /// <summary>The label set as one key, labels sorted and joined by <paramref name="separator"/>.</summary>
    public string LabelSetKey(string separator = "_") => string.Join(separator, Labels);
}

/// <summary>A file (or label-file entry) that was left out of a dataset, and why.</summary>
/// <param name="Path">The file, or for an entry that names no file, the label file and the entry's place in it.</param>
/// <param name="Reason">The whole reason, in words a user can act on.</param>
public sealed record SkippedFile(string Path, string Reason)
{
    /// <summary>The category of the reason, for counting.</summary>
    public SkipKind Kind { get; init; } = SkipKind.Unreadable;

    /// <summary>The image name as the label file wrote it (<c>train_21983</c>), when it came from one.</summary>
    public string? Entry { get; init; }

    /// <summary>A short why for summaries (<c>no file with that stem</c>); the reason when not set.</summary>
    public string? Detail { get; init; }
}
