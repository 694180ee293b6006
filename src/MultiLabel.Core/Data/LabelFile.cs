using MultiLabel.Data.LabelFiles;

namespace MultiLabel.Data;

/// <summary>
/// A label file for data not laid out by folder, in any <see cref="LabelFileFormat"/> (detected unless given). Image
/// names are relative to the images folder: <see cref="ImageSourceOptions.ImagesDirectory"/> when set, else the label
/// file's folder — or, when no name resolves there but names do resolve inside exactly one of its subfolders (the
/// published layout of many sets: <c>labels.csv</c> beside <c>images/</c>), that subfolder, said in a note. A name
/// without extension resolves when exactly one file in its folder has that stem.
/// </summary>
public static class LabelFile
{
    private const int Probe = 200;

    /// <summary>
    /// The largest label file read: 1 GiB (COCO's biggest instance file is under half that). Larger files, and anything that is
    /// not a regular file (a device such as <c>/dev/zero</c>, a pipe), are refused before a byte is read, so memory stays bounded.
    /// </summary>
    public const long MaxBytes = 1L << 30;

    /// <summary>Reads the label file at <paramref name="path"/>.</summary>
    /// <exception cref="DatasetException">The file cannot be read as a label file at all (e.g. it is not valid JSON).</exception>
    /// <exception cref="SettingException">The images folder set does not exist.</exception>
    public static DatasetScan Read(string path, ImageSourceOptions? options = null)
    {
        options ??= new ImageSourceOptions();
        path = Path.GetFullPath(path);
        var identity = Files.FileIdentity.Of(path);
        if (identity is { Kind: not Files.FileKind.Regular } other)
            throw new DatasetException($"{path} is {Files.FileIdentity.Describe(other.Kind)}, not a label file; give a CSV, COCO, Label Studio or JSON-lines file.");
        if (identity is { Size: > MaxBytes } large)
            throw new DatasetException($"{path} is {large.Size / 1e9:0.0} GB, more than a label file may be ({MaxBytes / (1 << 30)} GiB); split it, or give a folder of label-named subfolders.");
        var format = options.LabelFormat == LabelFileFormat.Auto ? LabelFileDetector.Detect(path) : options.LabelFormat;
        var content = format switch
        {
            LabelFileFormat.Coco => CocoLabelReader.Read(path),
            LabelFileFormat.LabelStudio => LabelStudioReader.Read(path),
            LabelFileFormat.JsonLines => JsonLinesLabelReader.Read(path),
            _ => DelimitedLabelReader.Read(path, format),
        };

        var notes = new List<string>(content.Notes.Select(n => $"{Path.GetFileName(path)}: {n}"));
        var locator = ChooseFolder(path, options, content.Entries, notes);
        var images = new List<ImageRecord>();
        var skipped = new List<SkippedFile>(content.Problems);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string file = Path.GetFileName(path);
        foreach (var entry in content.Entries)
        {
            var found = locator.Resolve(entry);
            if (found.File is not { } image)
            {
                skipped.Add(new SkippedFile(Path.Combine(locator.Folder, entry.Name),
                    $"{file} {entry.Where} names '{entry.Name}', which is not found in {locator.Folder} ({found.Detail}); fix the name or set the images folder")
                    { Kind = found.Kind, Entry = entry.Name, Detail = found.Detail });
                continue;
            }
            if (!seen.Add(image))
            {
                skipped.Add(new SkippedFile(image, $"listed again in {file} {entry.Where}; the first listing is used")
                    { Kind = SkipKind.Duplicate, Entry = entry.Name, Detail = $"again at {entry.Where}" });
                continue;
            }
            if (!ImageSource.TrySniff(image, skipped)) continue;
            images.Add(new ImageRecord(image, entry.Labels));
        }
        images.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new DatasetScan(path, images, skipped) { Format = content.Format, ImagesDirectory = locator.Folder, Notes = notes };
    }

    /// <summary>The folder the names resolve in (see the type's summary); the choice of a subfolder is added to <paramref name="notes"/>.</summary>
    private static ImageLocator ChooseFolder(string path, ImageSourceOptions options, IReadOnlyList<LabelEntry> entries, List<string> notes)
    {
        if (options.ImagesDirectory is { } given)
        {
            string folder = Path.GetFullPath(given);
            if (!Directory.Exists(folder))
                throw new SettingException(nameof(ImageSourceOptions.ImagesDirectory),
                    $"ImagesDirectory {folder} does not exist; give the folder that the image names in {Path.GetFileName(path)} are relative to.");
            return new ImageLocator(folder);
        }
        var beside = new ImageLocator(Path.GetDirectoryName(path)!);
        var probe = entries.Take(Probe).ToArray();
        if (probe.Length == 0 || beside.CountResolved(probe) > 0) return beside;

        var candidates = SafeSubfolders(beside.Folder)
            .Select(d => (Locator: new ImageLocator(d), Count: 0)).ToList();
        for (int i = 0; i < candidates.Count; i++) candidates[i] = candidates[i] with { Count = candidates[i].Locator.CountResolved(probe) };
        var hits = candidates.Where(c => c.Count > 0).ToArray();
        if (hits.Length == 1)
        {
            notes.Add($"no image named in {Path.GetFileName(path)} is beside it, but they are in {Path.GetFileName(hits[0].Locator.Folder)}/, so that folder is used (set the images folder to choose another)");
            return hits[0].Locator;
        }
        if (hits.Length > 1)
            notes.Add($"no image named in {Path.GetFileName(path)} is beside it; they resolve in several subfolders ({string.Join(", ", hits.Select(h => Path.GetFileName(h.Locator.Folder) + "/"))}), so set the images folder to the right one");
        return beside;
    }

    private static IEnumerable<string> SafeSubfolders(string folder)
    {
        try
        {
            return Directory.EnumerateDirectories(folder).Where(d => !Path.GetFileName(d).StartsWith('.')).Order(StringComparer.Ordinal).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
