using System.Text.Json;

namespace MultiLabel.Data.LabelFiles;

/// <summary>
/// Reads JSON lines: one object per line with the image (<c>path</c>, <c>image</c>, <c>file_name</c>, …) and its
/// <c>labels</c> (a list, or one string split as in a CSV label file). A line that is not JSON is left out with its
/// reason and the others are read. A JSON list of such objects is read the same way.
/// </summary>
internal static class JsonLinesLabelReader
{
    private static readonly string[] PathKeys = ["path", "image", "file", "file_name", "filename", "image_path", "img"];
    private static readonly string[] LabelKeys = ["labels", "tags", "label", "categories", "classes"];

    /// <summary>True when <paramref name="element"/> looks like one record: an object with an image key.</summary>
    public static bool IsRecord(JsonElement element) => JsonText.String(element, PathKeys) != null;

    public static LabelFileContent Read(string path)
    {
        string file = Path.GetFileName(path);
        var entries = new List<LabelEntry>();
        var problems = new List<SkippedFile>();
        string text = File.ReadAllText(path).TrimStart('\uFEFF');
        if (text.TrimStart().StartsWith('['))
        {
            using var document = JsonText.ParseFile(path, "records");
            int i = 0;
            foreach (var element in document.RootElement.EnumerateArray()) Add(element, $"item {i++}");
            return new LabelFileContent(LabelFileFormat.JsonLines, entries, problems, []);
        }
        int line = 0;
        foreach (string raw in text.Split('\n'))
        {
            line++;
            string trimmed = raw.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith("//")) continue;
            try
            {
                using var document = JsonDocument.Parse(trimmed, JsonText.Options);
                Add(document.RootElement, $"line {line}");
            }
            catch (JsonException e)
            {
                problems.Add(DelimitedLabelReader.Problem(file, $"line {line}", null, $"is not valid JSON ({JsonText.Where(e).Replace("line 1, ", "")}); fix or remove the line", "not valid JSON"));
            }
        }
        return new LabelFileContent(LabelFileFormat.JsonLines, entries, problems, []);

        void Add(JsonElement element, string where)
        {
            string? image = JsonText.String(element, PathKeys);
            if (string.IsNullOrWhiteSpace(image))
            {
                problems.Add(DelimitedLabelReader.Problem(file, where, null, "has no \"path\" (or \"image\", \"file_name\") string", "no path"));
                return;
            }
            var labels = JsonText.Property(element, LabelKeys);
            if (labels is null)
            {
                problems.Add(DelimitedLabelReader.Problem(file, where, image, "has no \"labels\"; write \"labels\": [] for an image without labels", "no labels key"));
                return;
            }
            IEnumerable<string> values = labels.Value.ValueKind switch
            {
                JsonValueKind.Array => labels.Value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()),
                JsonValueKind.String => LabelLists.Split(labels.Value.GetString()!, LabelLists.ChooseSeparator([labels.Value.GetString()!])),
                JsonValueKind.Null => [],
                _ => [labels.Value.GetRawText()],
            };
            entries.Add(LabelEntry.Of(image, values, where));
        }
    }
}
