namespace MultiLabel.Data;

/// <summary>
/// Reads a dataset: a folder whose top-level subfolders name the labels of the images inside them
/// (<c>black_jeans/x.jpg</c> means {black, jeans}, nested folders inherit), or a label file
/// (<see cref="LabelFile"/>). Files are recognised as images by their bytes, not their extension.
/// </summary>
public static class ImageSource
{
    /// <summary>Reads <paramref name="path"/>: a folder is walked, a file is read as a label file.</summary>
    public static DatasetScan Open(string path, ImageSourceOptions? options = null)
    {
        options ??= new ImageSourceOptions();
        if (Directory.Exists(path)) return FromFolder(path, options);
        if (File.Exists(path)) return LabelFile.Read(path, options);
        throw new DatasetException($"Dataset not found: {path}. Give a folder of label-named subfolders or a label file (CSV, COCO or Label Studio JSON, JSON lines).");
    }

    /// <summary>Walks <paramref name="root"/> recursively; each image takes the labels of its top-level folder.</summary>
    public static DatasetScan FromFolder(string root, ImageSourceOptions? options = null)
    {
        options ??= new ImageSourceOptions();
        root = Path.GetFullPath(root);
        if (!Directory.Exists(root)) throw new DatasetException($"Dataset folder not found: {root}");

        var images = new List<ImageRecord>();
        var skipped = new List<SkippedFile>();
        foreach (string file in Directory.EnumerateFiles(root, "*", new EnumerationOptions
                 {
                     RecurseSubdirectories = true,
                     IgnoreInaccessible = false,
                     AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
                 }).Order(StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(root, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.'))) continue;
            int slash = relative.IndexOf(Path.DirectorySeparatorChar);
            if (slash < 0)
            {
                skipped.Add(new SkippedFile(file,
                    "lies in the dataset root, so it has no labels; move images into a folder named after their labels, e.g. black_dress/")
                    { Kind = SkipKind.NoLabels, Detail = "in the dataset root" });
                continue;
            }
            if (!TrySniff(file, skipped)) continue;
            var labels = ParseLabels(relative[..slash], options.LabelSeparator);
            if (labels.Count == 0)
            {
                skipped.Add(new SkippedFile(file, $"its folder name '{relative[..slash]}' holds no labels; rename the folder, e.g. black_dress")
                    { Kind = SkipKind.NoLabels, Detail = $"folder '{relative[..slash]}' names no labels" });
                continue;
            }
            images.Add(new ImageRecord(file, labels) { Folder = relative[..slash] });
        }
        return new DatasetScan(root, images, skipped);
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
