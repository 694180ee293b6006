namespace MultiLabel.Data;

/// <summary>What a dataset folder or label file holds: the images with their labels, and the files left out.</summary>
public sealed class DatasetScan
{
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

    /// <summary>A scan holding only <paramref name="kept"/> images, with <paramref name="moreSkipped"/> added to the skipped files.</summary>
    public DatasetScan With(IReadOnlyList<ImageRecord> kept, IEnumerable<SkippedFile> moreSkipped) =>
        new(Source, kept, Skipped.Concat(moreSkipped).ToList());

    /// <summary>Number of images carrying each label, ordered by label.</summary>
    public SortedDictionary<string, int> LabelCounts()
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var label in Images.SelectMany(i => i.Labels))
            counts[label] = counts.GetValueOrDefault(label) + 1;
        return counts;
    }

    /// <summary>
    /// Number of images carrying each exact label set. A set is named by the first folder it was read
    /// from (<c>red_dress</c>), or by its sorted labels joined with <paramref name="separator"/>.
    /// </summary>
    public SortedDictionary<string, int> LabelSetCounts(string separator = "_")
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var image in Images)
        {
            string key = image.LabelSetKey(separator);
            if (!names.TryGetValue(key, out string? name)) names[key] = name = image.Folder ?? key;
            counts[name] = counts.GetValueOrDefault(name) + 1;
        }
        return counts;
    }

    /// <summary>Throws a <see cref="DatasetException"/> when the images cannot train a multi-label classifier.</summary>
    public void EnsureTrainable()
    {
        if (Images.Count == 0)
            throw new DatasetException(
                $"No usable images in {Source}" + (Skipped.Count > 0 ? $" ({Skipped.Count} files skipped)" : "") +
                ". Put images in folders named after their labels, e.g. black_dress/photo1.jpg, or give a label file (CSV: path,labels).");
        var sets = LabelSetCounts();
        if (sets.Count == 1)
            throw new DatasetException(
                $"All {Images.Count} images in {Source} carry the same labels ({sets.Keys.First()}), so there is nothing to tell apart. " +
                "Add folders with other label sets, e.g. black_dress/ and blue_jeans/.");
    }
}
