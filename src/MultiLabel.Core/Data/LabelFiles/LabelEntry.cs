namespace MultiLabel.Data.LabelFiles;

/// <summary>One image as a label file lists it, before its name is resolved to a file.</summary>
/// <param name="Name">The image as written: a path relative to the images folder, an absolute path, or a name without extension.</param>
/// <param name="Labels">Its labels, distinct and sorted ordinally (empty: an image without labels).</param>
/// <param name="Where">Its place in the file, e.g. <c>line 7</c> or <c>task 12</c>.</param>
public sealed record LabelEntry(string Name, IReadOnlyList<string> Labels, string Where)
{
    /// <summary>Further names to try when <see cref="Name"/> resolves to nothing (e.g. the bare file name of an upload path).</summary>
    public IReadOnlyList<string> Alternates { get; init; } = [];

    /// <summary>An entry with <paramref name="labels"/> made distinct, trimmed and sorted.</summary>
    public static LabelEntry Of(string name, IEnumerable<string> labels, string where) =>
        new(name.Trim(), Normalize(labels), where);

    /// <summary>Distinct, trimmed, non-empty labels in ordinal order.</summary>
    public static string[] Normalize(IEnumerable<string> labels) =>
        labels.Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
}
