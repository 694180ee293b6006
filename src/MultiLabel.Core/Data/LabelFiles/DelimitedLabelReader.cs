namespace MultiLabel.Data.LabelFiles;

/// <summary>
/// Reads CSV/TSV label files: <see cref="LabelFileFormat.PathLabels"/> and <see cref="LabelFileFormat.MultiHot"/>.
/// A first row is a header when its first cell names the image column (<c>path</c>, <c>filename</c>,
/// <c>image_name</c>, <c>image_id</c>, …) or when it holds words where every later row holds 0/1 values. A file with a
/// header whose other columns hold only 0/1, true/false or −1/1 values is multi-hot; any other is path-and-labels.
/// </summary>
internal static class DelimitedLabelReader
{
    private static readonly HashSet<string> ImageColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        "path", "paths", "file", "files", "filename", "filenames", "file_name", "filepath", "file_path", "image", "images", "image_name",
        "imagename", "image_id", "imageid", "image_path", "image_file", "img", "img_name", "name", "id", "fname",
    };

    /// <summary>Reads <paramref name="path"/> as <paramref name="format"/> (Auto, PathLabels or MultiHot).</summary>
    public static LabelFileContent Read(string path, LabelFileFormat format)
    {
        var rows = DelimitedRows.Read(path);
        string file = Path.GetFileName(path);
        if (rows.Count == 0) return new LabelFileContent(format == LabelFileFormat.Auto ? LabelFileFormat.PathLabels : format, [], [], []);
        bool header = HasHeader(rows);
        var data = header ? rows.Skip(1).ToList() : rows;
        if (format == LabelFileFormat.Auto)
            format = header && rows[0].Fields.Length >= 2 && data.Count > 0 && data.All(r => r.Fields.Skip(1).All(MultiHotValues.IsValue))
                ? LabelFileFormat.MultiHot : LabelFileFormat.PathLabels;
        if (format == LabelFileFormat.MultiHot && !header)
            throw new DatasetException($"{path} is read as a multi-hot table, but its first row is no header naming the labels; add one, e.g. filename,cat,dog.");
        return format == LabelFileFormat.MultiHot
            ? MultiHot(file, rows[0].Fields, data)
            : PathLabels(file, header ? rows[0].Fields : null, data);
    }

    private static bool HasHeader(List<DelimitedRows.Row> rows)
    {
        var first = rows[0].Fields;
        if (ImageColumns.Contains(first[0])) return true;
        // Words over a body of 0/1 values: a multi-hot header with an unusual first column name.
        return rows.Count > 1 && first.Length >= 2 && first.Skip(1).All(c => !MultiHotValues.IsValue(c))
               && rows.Skip(1).All(r => r.Fields.Skip(1).All(MultiHotValues.IsValue));
    }

    private static LabelFileContent PathLabels(string file, string[]? header, List<DelimitedRows.Row> rows)
    {
        var entries = new List<LabelEntry>();
        var problems = new List<SkippedFile>();
        char? separator = LabelLists.ChooseSeparator(rows.SelectMany(r => r.Fields.Skip(1)));
        foreach (var row in rows)
        {
            string where = $"line {row.Line}";
            if (row.Fields[0].Length == 0)
            {
                problems.Add(Problem(file, where, null, "has no image name in its first column", "no image name"));
                continue;
            }
            if (header is { Length: >= 2 } && row.Fields.Length < header.Length)
            {
                problems.Add(Problem(file, where, row.Fields[0],
                    $"has {row.Fields.Length} field(s) where the header names {header.Length} ({string.Join(", ", header)}); write an empty field for an image without labels, e.g. {row.Fields[0]},",
                    $"missing column '{header[row.Fields.Length]}'"));
                continue;
            }
            entries.Add(LabelEntry.Of(row.Fields[0], row.Fields.Skip(1).SelectMany(f => LabelLists.Split(f, separator)), where));
        }
        var notes = new List<string>();
        notes.Add(separator is { } c ? $"labels are split by '{c}'" : "labels are split by spaces");
        return new LabelFileContent(LabelFileFormat.PathLabels, entries, problems, notes);
    }

    private static LabelFileContent MultiHot(string file, string[] header, List<DelimitedRows.Row> rows)
    {
        var labels = header.Skip(1).ToArray();
        int empty = Array.FindIndex(labels, l => l.Length == 0);
        if (empty >= 0) throw new DatasetException($"{file}: column {empty + 2} of the header has no label name; name every label column.");
        bool zeroUsed = rows.Any(r => r.Fields.Skip(1).Any(f => MultiHotValues.Read(f) == MultiHotValues.Cell.Absent));
        var entries = new List<LabelEntry>();
        var problems = new List<SkippedFile>();
        long minusOnes = 0, blanks = 0;
        foreach (var row in rows)
        {
            string where = $"line {row.Line}";
            var fields = row.Fields;
            if (fields[0].Length == 0)
            {
                problems.Add(Problem(file, where, null, "has no image name in its first column", "no image name"));
                continue;
            }
            if (fields.Length != header.Length)
            {
                string detail = fields.Length < header.Length ? $"missing column '{header[fields.Length]}'" : $"{fields.Length - header.Length} field(s) more than the header";
                problems.Add(Problem(file, where, fields[0], $"has {fields.Length} fields where the header names {header.Length} ({detail}); give one value per label column", detail));
                continue;
            }
            var present = new List<string>();
            string? bad = null;
            for (int c = 1; c < fields.Length && bad == null; c++)
            {
                switch (MultiHotValues.Read(fields[c]))
                {
                    case MultiHotValues.Cell.Present: present.Add(labels[c - 1]); break;
                    case MultiHotValues.Cell.MinusOne: minusOnes++; break;
                    case MultiHotValues.Cell.Blank: blanks++; break;
                    case MultiHotValues.Cell.Invalid: bad = $"'{fields[c]}' in column '{labels[c - 1]}'"; break;
                }
            }
            if (bad != null)
            {
                problems.Add(Problem(file, where, fields[0], $"holds {bad}, which is no 0/1, true/false or -1/1 value", $"{bad} is not 0/1"));
                continue;
            }
            entries.Add(LabelEntry.Of(fields[0], present, where));
        }
        var notes = new List<string>();
        if (minusOnes > 0)
            notes.Add(zeroUsed
                ? $"{minusOnes} cells hold -1 in a table that also uses 0, so -1 is read as unknown, and unknown as absent"
                : $"-1 is read as absent ({minusOnes} cells): the table never uses 0, as in CelebA's -1/1 tables");
        if (blanks > 0) notes.Add($"{blanks} blank cells are read as unknown, and unknown as absent");
        return new LabelFileContent(LabelFileFormat.MultiHot, entries, problems, notes);
    }

    internal static SkippedFile Problem(string file, string where, string? entry, string what, string detail) =>
        new($"{file} {where}", $"{file} {where} {what}") { Kind = SkipKind.Malformed, Entry = entry ?? where, Detail = detail };
}
