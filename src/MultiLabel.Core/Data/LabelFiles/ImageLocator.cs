namespace MultiLabel.Data.LabelFiles;

/// <summary>
/// Resolves the image names of a label file to files inside one folder: a path as written (relative to the folder, or
/// absolute), else — for a name without extension — the one file in its folder with that stem.
/// </summary>
internal sealed class ImageLocator(string folder)
{
    private readonly Dictionary<string, ILookup<string, string>> stems = new(StringComparer.Ordinal);

    /// <summary>The folder names are relative to.</summary>
    public string Folder { get; } = folder;

    /// <summary>The outcome of resolving one entry: the file, or why there is none.</summary>
    public readonly record struct Resolution(string? File, SkipKind Kind, string Detail);

    /// <summary>Resolves <paramref name="entry"/> (its name, then its alternates).</summary>
    public Resolution Resolve(LabelEntry entry)
    {
        string[] names = [entry.Name, .. entry.Alternates];
        foreach (string name in names)
            if (Full(name) is { } full && File.Exists(full)) return new(full, default, "");
        foreach (string name in names)
        {
            if (Path.HasExtension(name) || Full(name) is not { } full) continue;
            string? dir = Path.GetDirectoryName(full);
            if (dir == null || !Directory.Exists(dir)) continue;
            var matches = Stems(dir)[Path.GetFileName(full)].ToArray();
            if (matches.Length == 1) return new(matches[0], default, "");
            if (matches.Length > 1)
                return new(null, SkipKind.Ambiguous, $"{matches.Length} files have that stem ({string.Join(", ", matches.Take(3).Select(Path.GetFileName))}); name one with its extension");
        }
        return new(null, SkipKind.NotFound, Path.HasExtension(entry.Name) ? "no such file" : "no file with that stem");
    }

    private string? Full(string name)
    {
        if (name.Length == 0 || name.IndexOfAny(Path.GetInvalidPathChars()) >= 0) return null;
        return Path.GetFullPath(Path.IsPathRooted(name) ? name : Path.Combine(Folder, name));
    }

    private ILookup<string, string> Stems(string dir)
    {
        if (!stems.TryGetValue(dir, out var lookup))
        {
            IEnumerable<string> files;
            try { files = Directory.EnumerateFiles(dir).ToArray(); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { files = []; }
            stems[dir] = lookup = files.Where(f => !Path.GetFileName(f).StartsWith('.'))
                .Order(StringComparer.Ordinal)
                .ToLookup(f => Path.GetFileNameWithoutExtension(f), StringComparer.Ordinal);
        }
        return lookup;
    }

    /// <summary>How many of <paramref name="entries"/> resolve in this folder.</summary>
    public int CountResolved(IEnumerable<LabelEntry> entries) => entries.Count(e => Resolve(e).File != null);
}
