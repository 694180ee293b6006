namespace MultiLabel.Reporting;

/// <summary>
/// Where the heat-map overlays of images go: <c>FOLDER/&lt;image-stem&gt;.&lt;label&gt;.png</c>. Images whose stems are
/// equal (same name in different folders, or <c>a.jpg</c> and <c>a.png</c>) get <c>-2</c>, <c>-3</c>, … after the stem,
/// in input order; characters a file name cannot hold become <c>_</c>. An overlay never replaces an input image.
/// </summary>
public static class ExplanationFiles
{
    /// <summary>How errors name the overlay folder: <c>Explanation.Folder</c> (see <see cref="SettingException"/>).</summary>
    public const string FolderSetting = "Explanation.Folder";

    /// <summary>
    /// The overlay paths of each of <paramref name="sources"/>, one per label of <paramref name="labels"/> (same order),
    /// inside <paramref name="folder"/>.
    /// </summary>
    /// <exception cref="SettingException">An overlay would replace one of the input images (setting <see cref="FolderSetting"/>).</exception>
    public static string[][] Paths(IReadOnlyList<string> sources, IReadOnlyList<IReadOnlyList<string>> labels, string folder)
    {
        if (sources.Count != labels.Count)
            throw new ArgumentException($"Got {sources.Count} images but {labels.Count} label lists; give one list per image.", nameof(labels));
        var inputs = new Files.ProtectedFiles().Add(sources, "the input image");
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new string[sources.Count][];
        for (int i = 0; i < sources.Count; i++)
        {
            string name = Safe(Path.GetFileNameWithoutExtension(sources[i])), stem = name;
            for (int n = 2; !used.Add(stem); n++) stem = $"{name}-{n}";
            result[i] = labels[i].Select(label => Path.Combine(folder, $"{stem}.{Safe(label)}.png")).ToArray();
            foreach (string path in result[i])
                if (inputs.Replaced(path) is { } input)
                    throw new SettingException(FolderSetting,
                        $"{FolderSetting} {folder} would receive the overlay {Path.GetFileName(path)}, which would replace the input image {input.Path}; " +
                        $"set {FolderSetting} to a folder that holds none of the images.");
        }
        return result;
    }

    /// <summary><paramref name="name"/> with every character a file name cannot hold (and the path separators) replaced by <c>_</c>.</summary>
    private static string Safe(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var chars = name.Select(c => invalid.Contains(c) || c is '/' or '\\' ? '_' : c).ToArray();
        string safe = new(chars);
        return safe is "" or "." or ".." ? "_" : safe;
    }
}
