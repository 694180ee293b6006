namespace MultiLabel.Data;

/// <summary>Why a file or a label-file entry was left out of a dataset, as a category that summaries count.</summary>
public enum SkipKind
{
    /// <summary>The file is not an image this tool decodes (text, unknown bytes, an unsupported format).</summary>
    NotAnImage,

    /// <summary>The file exists but cannot be read or decoded (truncated, corrupt, no permission).</summary>
    Unreadable,

    /// <summary>A file in a dataset folder's root, which names no labels.</summary>
    NoLabels,

    /// <summary>A label-file entry that names no existing image.</summary>
    NotFound,

    /// <summary>A label-file entry whose name fits several images (same stem, different extensions).</summary>
    Ambiguous,

    /// <summary>A label-file entry that cannot be read: a short row, a value that is no label, a line that is not JSON.</summary>
    Malformed,

    /// <summary>An image listed a second time; the first listing is used.</summary>
    Duplicate,

    /// <summary>A task nobody annotated yet (Label Studio), which says nothing about its labels.</summary>
    NotAnnotated,

    /// <summary>A symbolic link left out: broken, leading out of the dataset, or back into a folder walked already (a loop).</summary>
    Link,

    /// <summary>One file reached through folders that give it different labels: it is left out rather than guessed.</summary>
    Conflict,

    /// <summary>A name that is not valid UTF-8, which can be listed but not opened.</summary>
    BadName,

    /// <summary>Not a file: a device, a pipe, a socket.</summary>
    NotAFile,
}

/// <summary>Words for <see cref="SkipKind"/>.</summary>
public static class SkipKinds
{
    /// <summary>A short name: <c>not found</c>, <c>malformed entry</c>, …</summary>
    public static string Describe(this SkipKind kind) => kind switch
    {
        SkipKind.NotAnImage => "not an image",
        SkipKind.Unreadable => "unreadable",
        SkipKind.NoLabels => "no labels",
        SkipKind.NotFound => "not found",
        SkipKind.Ambiguous => "ambiguous name",
        SkipKind.Malformed => "malformed entry",
        SkipKind.Duplicate => "listed twice",
        SkipKind.NotAnnotated => "not annotated",
        SkipKind.Link => "link not followed",
        SkipKind.Conflict => "conflicting labels",
        SkipKind.BadName => "name not UTF-8",
        SkipKind.NotAFile => "not a file",
        _ => kind.ToString(),
    };

    /// <summary>True for the kinds that mean the label file itself is wrong (an entry is malformed or names no image).</summary>
    public static bool IsLabelFileProblem(this SkipKind kind) => kind is SkipKind.NotFound or SkipKind.Ambiguous or SkipKind.Malformed;
}
