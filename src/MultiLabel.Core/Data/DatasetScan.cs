namespace MultiLabel.Data;

/// <summary>What a dataset folder or label file holds: the images with their labels, and the files left out.</summary>
public sealed class DatasetScan
{
    /// <summary>Labels carried by fewer images than this are flagged as rare.</summary>
    public const int RareLabelImages = 10;

    /// <summary>Creates a scan of <paramref name="source"/>.</summary>
    public DatasetScan(string source, IReadOnlyList<ImageRecord> images, IReadOnlyList<SkippedFile> skipped)
    {
        Source = source;
        Images = images;
        Skipped = skipped;
    }

    /// <summary>The folder or label file that was read.</summary>
    public string Source { get; }

    /// <summary>Images found, in a stable order (ordinal by path).</summary>
    public IReadOnlyList<ImageRecord> Images { get; }

    /// <summary>Files left out while walking or decoding, each with its reason.</summary>
    public IReadOnlyList<SkippedFile> Skipped { get; }

    /// <summary>The format a label file was read as; null for a folder.</summary>
    public LabelFileFormat? Format { get; init; }

    /// <summary>The folder a label file's image names were resolved in; null for a folder.</summary>
    public string? ImagesDirectory { get; init; }

    /// <summary>How the data was read where a user may want to know (a subfolder used, how −1 was read), one sentence each.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Images that carry no label at all (valid examples: every target 0).</summary>
    public int UnlabeledImages => Images.Count(i => i.Labels.Count == 0);

    /// <summary>True when entries of the label file were left out because the file itself is wrong (malformed, or naming no image).</summary>
    public bool HasLabelFileProblems => Skipped.Any(s => s.Kind.IsLabelFileProblem());

    /// <summary>A scan holding only <paramref name="kept"/> images, with <paramref name="moreSkipped"/> added to the skipped files.</summary>
    public DatasetScan With(IReadOnlyList<ImageRecord> kept, IEnumerable<SkippedFile> moreSkipped) =>
        new(Source, kept, Skipped.Concat(moreSkipped).ToList()) { Format = Format, ImagesDirectory = ImagesDirectory, Notes = Notes };

    /// <summary>Number of images carrying each label, ordered by label.</summary>
    public SortedDictionary<string, int> LabelCounts()
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var label in Images.SelectMany(i => i.Labels))
            counts[label] = counts.GetValueOrDefault(label) + 1;
        return counts;
    }

    /// <summary>Labels carried by fewer than <see cref="RareLabelImages"/> images, with their counts.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> RareLabels() =>
        LabelCounts().Where(p => p.Value < RareLabelImages).ToArray();

    /// <summary>
    /// Number of images carrying each exact label set. A set is named by the first folder it was read
    /// from (<c>red_dress</c>), or by its sorted labels joined with <paramref name="separator"/>; images without labels
    /// count under <c>(no labels)</c>.
    /// </summary>
    public SortedDictionary<string, int> LabelSetCounts(string separator = "_")
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var image in Images)
        {
            string key = image.LabelSetKey(separator);
            if (!names.TryGetValue(key, out string? name)) names[key] = name = image.Folder ?? (key.Length == 0 ? "(no labels)" : key);
            counts[name] = counts.GetValueOrDefault(name) + 1;
        }
        return counts;
    }

    /// <summary>The reasons files were left out, most frequent first: how many, and one example each.</summary>
    public IReadOnlyList<SkipGroup> SkipSummary() =>
        Skipped.GroupBy(s => (s.Kind, Detail: GroupDetail(s)))
            .Select(g => new SkipGroup(g.Key.Kind, g.Count(), g.First().Entry ?? Path.GetFileName(g.First().Path), g.First().Detail ?? g.First().Reason))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Kind)
            .ToArray();

    // Details that name the entry (a column, a line) would make every group one entry long; group those by kind alone.
    private static string GroupDetail(SkippedFile s) => s.Kind is SkipKind.NotFound or SkipKind.Ambiguous or SkipKind.Malformed or SkipKind.Duplicate
        ? s.Kind == SkipKind.NotFound ? s.Detail ?? "" : "" : s.Detail ?? s.Reason;

    /// <summary>Throws a <see cref="DatasetException"/> when the images cannot train a multi-label classifier.</summary>
    public void EnsureTrainable()
    {
        if (Images.Count == 0)
        {
            string reasons = Skipped.Count == 0 ? "" : " (" + string.Join("; ", SkipSummary().Take(3).Select(g => g.ToString())) + ")";
            string hint = Format == null
                ? "Put images in folders named after their labels, e.g. black_dress/photo1.jpg, or give a label file."
                : "Fix the label file or the images folder it is read against.";
            throw new DatasetException($"No usable images in {Source}{reasons}. {hint}");
        }
        if (LabelCounts().Count == 0)
            throw new DatasetException($"None of the {Images.Count} images in {Source} carries a label, so there is nothing to learn; check the label columns or file format.");
        var sets = LabelSetCounts();
        if (sets.Count == 1)
            throw new DatasetException(
                $"All {Images.Count} images in {Source} carry the same labels ({sets.Keys.First()}), so there is nothing to tell apart. " +
                "Add folders with other label sets, e.g. black_dress/ and blue_jeans/.");
    }
}
