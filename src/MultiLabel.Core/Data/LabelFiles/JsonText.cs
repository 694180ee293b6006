using System.Text.Json;

namespace MultiLabel.Data.LabelFiles;

/// <summary>Reading JSON label files with System.Text.Json, and the one sentence a broken one gets.</summary>
internal static class JsonText
{
    public static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Parses the whole of <paramref name="path"/>; a file that is not JSON is a <see cref="DatasetException"/> naming where it breaks.</summary>
    public static JsonDocument ParseFile(string path, string expected)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path), Options);
        }
        catch (JsonException e)
        {
            throw new DatasetException($"{path} is not valid JSON ({Where(e)}), so no {expected} could be read from it; fix the file or export it again.");
        }
    }

    /// <summary>Where a parse failed, in a user's words.</summary>
    public static string Where(JsonException e) =>
        e.LineNumber is { } line ? $"line {line + 1}, position {e.BytePositionInLine + 1}" : "unreadable";

    /// <summary>The string property <paramref name="names"/>[i] of <paramref name="element"/> that exists first.</summary>
    public static string? String(JsonElement element, params string[] names)
    {
        if (element.ValueKind != JsonValueKind.Object) return null;
        foreach (string name in names)
            if (element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String) return value.GetString();
        return null;
    }

    /// <summary>The property <paramref name="names"/>[i] of <paramref name="element"/> that exists first.</summary>
    public static JsonElement? Property(JsonElement element, params string[] names)
    {
        if (element.ValueKind != JsonValueKind.Object) return null;
        foreach (string name in names)
            if (element.TryGetProperty(name, out var value)) return value;
        return null;
    }

    /// <summary>A number or string id as text (COCO ids are numbers, some exports write strings).</summary>
    public static string? Id(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v)
            ? v.ValueKind switch { JsonValueKind.Number => v.GetRawText(), JsonValueKind.String => v.GetString(), _ => null }
            : null;
}
