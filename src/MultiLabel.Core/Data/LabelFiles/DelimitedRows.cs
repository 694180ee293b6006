using CsvHelper;

namespace MultiLabel.Data.LabelFiles;

/// <summary>The records of a CSV or TSV file (RFC 4180 quoting, <c>#</c> comments, blank lines skipped), read with CsvHelper.</summary>
internal static class DelimitedRows
{
    /// <summary>One record: the line it starts on and its fields, trimmed.</summary>
    public sealed record Row(int Line, string[] Fields);

    /// <summary>Every record of <paramref name="path"/>; the separator is a tab when the first line has tabs and no commas, else a comma.</summary>
    public static List<Row> Read(string path)
    {
        string first = File.ReadLines(path).FirstOrDefault(l => l.Trim().Length > 0) ?? "";
        char separator = first.Contains('\t') && !first.Contains(',') ? '\t' : ',';
        var rows = new List<Row>();
        using var reader = CsvReader.FromFile(path, new CsvReaderOptions
        {
            Separator = separator,
            HasHeader = false,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            CommentPrefix = '#',
            TrackLineNumbers = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MalformedData = CsvMalformedDataHandling.Recover,
        });
        while (reader.Read())
        {
            var fields = reader.Current.ToArray();
            if (fields.All(f => f.Trim().Length == 0)) continue;
            rows.Add(new Row((int)reader.LineNumber, fields.Select(f => f.Trim()).ToArray()));
        }
        return rows;
    }
}
