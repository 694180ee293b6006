using System.Text;
using System.Text.Json;

namespace MultiLabel.Data.LabelFiles;

/// <summary>
/// Tells a label file's format from its content. A file starting with <c>[</c> is a Label Studio export when its
/// items have <c>data</c>, else a JSON list of records. One starting with <c>{</c> is COCO when the object has
/// <c>images</c>, else JSON lines. Anything else is CSV/TSV, multi-hot or path-and-labels by its header and values
/// (see <see cref="DelimitedLabelReader"/>), which its reader decides.
/// </summary>
internal static class LabelFileDetector
{
    /// <summary>The format of <paramref name="path"/>; <see cref="LabelFileFormat.Auto"/> for a delimited file whose reader decides.</summary>
    public static LabelFileFormat Detect(string path)
    {
        string start = ReadStart(path);
        string text = start.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.StartsWith('['))
        {
            using var document = JsonText.ParseFile(path, "labels");
            var first = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.EnumerateArray().FirstOrDefault() : default;
            return first.ValueKind == JsonValueKind.Object && first.TryGetProperty("data", out _) ? LabelFileFormat.LabelStudio : LabelFileFormat.JsonLines;
        }
        if (!text.StartsWith('{')) return LabelFileFormat.Auto;

        string firstLine = text.Split('\n')[0].Trim();
        try
        {
            using var line = JsonDocument.Parse(firstLine, JsonText.Options);
            return line.RootElement.TryGetProperty("images", out _) ? LabelFileFormat.Coco : LabelFileFormat.JsonLines;
        }
        catch (JsonException)
        {
            // A pretty-printed document (COCO), or JSON lines whose first line is broken.
        }
        try
        {
            using var whole = JsonDocument.Parse(File.ReadAllBytes(path), JsonText.Options);
            return whole.RootElement.ValueKind == JsonValueKind.Object && whole.RootElement.TryGetProperty("images", out _)
                ? LabelFileFormat.Coco : LabelFileFormat.JsonLines;
        }
        catch (JsonException e)
        {
            int objectLines = File.ReadLines(path).Take(50).Count(l => l.TrimStart().StartsWith('{') && l.TrimEnd().EndsWith('}'));
            if (objectLines >= 2) return LabelFileFormat.JsonLines;
            throw new DatasetException($"{path} is not valid JSON ({JsonText.Where(e)}), so no labels could be read from it; fix the file or export it again.");
        }
    }

    private static string ReadStart(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[4096];
        int n = stream.Read(buffer, 0, buffer.Length);
        return Encoding.UTF8.GetString(buffer, 0, n);
    }
}
