namespace MultiLabel.Data;

/// <summary>
/// Reads a dataset: a folder whose top-level subfolders name the labels of the images inside them
/// (<c>black_jeans/x.jpg</c> means {black, jeans}, nested folders inherit), or a label file
/// (<see cref="LabelFile"/>). Files are recognised as images by their bytes, not their extension.
/// </summary>
public static class ImageSource
{
    /// <summary>Reads <paramref name="path"/>: a folder is walked, a file is read as a label file.</summary>
    public static DatasetScan Open(string path, ImageSourceOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ImageSourceOptions();
        if (Directory.Exists(path)) return FromFolder(path, options, cancellationToken);
        if (File.Exists(path)) return LabelFile.Read(path, options);
        throw new DatasetException($"Dataset not found: {path}. Give a folder of label-named subfolders or a label file (CSV, COCO or Label Studio JSON, JSON lines).");
    }

    /// <summary>
    /// Walks <paramref name="root"/> (<see cref="FolderWalk"/>: real folders first, links after, each folder once); each image
    /// takes the labels of its top-level folder. One file reached by two paths is used once; when the two folders give it
    /// different labels it is left out, both paths reported, rather than labelled by whichever came first.
    /// </summary>
    public static DatasetScan FromFolder(string root, ImageSourceOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ImageSourceOptions();
        root = Path.GetFullPath(root);
        if (!Directory.Exists(root)) throw new DatasetException($"Dataset folder not found: {root}");

        var walk = FolderWalk.Walk(root, options.FollowLinks, cancellationToken);
        var images = new List<ImageRecord>();
        var skipped = new List<SkippedFile>(walk.Skipped);
        var byIdentity = new Dictionary<(ulong, ulong), int>();
        var conflicted = new HashSet<int>();
        foreach (var file in walk.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string relative = Path.GetRelativePath(root, file.Path);
            int slash = relative.IndexOf(Path.DirectorySeparatorChar);
            if (slash < 0)
            {
                skipped.Add(new SkippedFile(file.Path,
                    "lies in the dataset root, so it has no labels; move images into a folder named after their labels, e.g. black_dress/")
                    { Kind = SkipKind.NoLabels, Detail = "in the dataset root" });
                continue;
            }
            var labels = ParseLabels(relative[..slash], options.LabelSeparator);
            var key = (file.Identity.Device, file.Identity.Inode);
            if (byIdentity.TryGetValue(key, out int first))
            {
                var earlier = images[first];
                if (earlier.Labels.SequenceEqual(labels, StringComparer.Ordinal))
                    skipped.Add(new SkippedFile(file.Path, $"it is the same file as {earlier.Path}, which is used once") { Kind = SkipKind.Duplicate });
                else
                {
                    conflicted.Add(first);
                    skipped.Add(new SkippedFile(file.Path,
                        $"it is the same file as {earlier.Path}, and their folders give different labels ({{{string.Join(", ", labels)}}} here, " +
                        $"{{{string.Join(", ", earlier.Labels)}}} there); it is left out until one of the two is removed") { Kind = SkipKind.Conflict });
                }
                continue;
            }
            if (!TrySniff(file.Path, skipped)) continue;
            if (labels.Count == 0)
            {
                skipped.Add(new SkippedFile(file.Path, $"its folder name '{relative[..slash]}' holds no labels; rename the folder, e.g. black_dress")
                    { Kind = SkipKind.NoLabels, Detail = $"folder '{relative[..slash]}' names no labels" });
                continue;
            }
            byIdentity[key] = images.Count;
            images.Add(new ImageRecord(file.Path, labels) { Folder = relative[..slash] });
        }
        foreach (int index in conflicted)
            skipped.Add(new SkippedFile(images[index].Path, "it is also reached through another folder that gives it other labels (see that entry); left out")
                { Kind = SkipKind.Conflict });
        var kept = images.Where((_, i) => !conflicted.Contains(i)).OrderBy(i => i.Path, StringComparer.Ordinal).ToList();
        return new DatasetScan(root, kept, skipped);
    }

    /// <summary>Splits a folder name or label field into distinct, ordinally sorted labels.</summary>
    public static IReadOnlyList<string> ParseLabels(string text, string separator) =>
        text.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>True when <paramref name="file"/> starts like a supported image; otherwise records why it is skipped.</summary>
    internal static bool TrySniff(string file, List<SkippedFile> skipped)
    {
        if (Files.FileIdentity.Of(file) is { Kind: not Files.FileKind.Regular } other)
        {
            // Opening a pipe would wait for a writer forever; a device may never end.
            skipped.Add(new SkippedFile(file, $"it is {Files.FileIdentity.Describe(other.Kind)}, not a file") { Kind = SkipKind.NotAFile });
            return false;
        }
        try
        {
            var format = ImageFormatSniffer.Detect(file, out _);
            if (format is not (ImageFormat.Unknown or ImageFormat.Tiff or ImageFormat.Heif)) return true;
            skipped.Add(new SkippedFile(file, ImageFormatSniffer.DescribeNonImage(file)) { Kind = SkipKind.NotAnImage });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            skipped.Add(new SkippedFile(file, $"cannot be read: {e.Message}"));
        }
        return false;
    }
}
