using System.Text;

namespace MultiLabel.Data;

/// <summary>
/// A CSV label file for data not laid out by folder: one image per line, <c>path,labels</c>, labels
/// separated by <c>;</c> or spaces (further columns count as labels too), paths relative to the file.
/// A first line naming the columns (<c>path,labels</c>) is recognised and skipped.
/// </summary>
public static class LabelFile
{
    private static readonly string[] HeaderNames = ["path", "file", "filename", "image", "image_path"];

    /// <summary>Reads the label file at <paramref name="path"/>.</summary>
    public static DatasetScan Read(string path)
    {
        path = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(path)!;
        var images = new List<ImageRecord>();
        var skipped = new List<SkippedFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int lineNumber = 0;
        foreach (string line in File.ReadLines(path, Encoding.UTF8))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#')) continue;
            var fields = SplitCsvLine(line);
            if (lineNumber == 1 && HeaderNames.Contains(fields[0].Trim().ToLowerInvariant())) continue;

            string image = Path.GetFullPath(Path.Combine(folder, fields[0].Trim()));
            string where = $"{Path.GetFileName(path)} line {lineNumber}";
            if (!File.Exists(image))
            {
                skipped.Add(new SkippedFile(image, $"listed in {where} but not found; fix the path (paths are relative to the label file)"));
                continue;
            }
            if (!seen.Add(image))
            {
                skipped.Add(new SkippedFile(image, $"listed again in {where}; the first listing is used"));
                continue;
            }
            if (!ImageSource.TrySniff(image, skipped)) continue;
            var labels = fields.Skip(1)
                .SelectMany(f => f.Split([';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToArray();
            images.Add(new ImageRecord(image, labels));
        }
        images.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new DatasetScan(path, images, skipped);
    }

    /// <summary>Splits one CSV line on commas, honouring double-quoted fields.</summary>
    internal static List<string> SplitCsvLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
