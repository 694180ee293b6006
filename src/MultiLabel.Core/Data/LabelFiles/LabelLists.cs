using System.Text.Json;

namespace MultiLabel.Data.LabelFiles;

/// <summary>
/// Splits the labels field of a label file. A field written as a list — JSON (<c>["Drama", "Crime"]</c>) or Python
/// (<c>['Drama', 'Crime']</c>) — is read as one; otherwise the file's separator splits it: the first of <c>;</c>,
/// <c>|</c> and <c>,</c> that any field of the file contains, else runs of spaces.
/// </summary>
internal static class LabelLists
{
    private static readonly char[] Separators = [';', '|', ','];
    private static readonly char[] Whitespace = [' ', '\t'];

    /// <summary>The separator a file's <paramref name="fields"/> use (list-shaped fields aside); <c>null</c> for spaces.</summary>
    public static char? ChooseSeparator(IEnumerable<string> fields)
    {
        var seen = new HashSet<char>();
        foreach (string field in fields)
        {
            if (IsList(field)) continue;
            foreach (char c in Separators)
                if (field.Contains(c)) seen.Add(c);
        }
        foreach (char c in Separators)
            if (seen.Contains(c)) return c;
        return null;
    }

    /// <summary>The labels in <paramref name="field"/>, split by <paramref name="separator"/> (null: spaces).</summary>
    public static IEnumerable<string> Split(string field, char? separator)
    {
        field = field.Trim();
        if (field.Length == 0) return [];
        if (IsList(field)) return ParseList(field);
        return separator is { } c
            ? field.Split(c, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : field.Split(Whitespace, StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>True when <paramref name="field"/> is written as a list: <c>[…]</c>.</summary>
    public static bool IsList(string field)
    {
        var text = field.AsSpan().Trim();
        return text.Length >= 2 && text[0] == '[' && text[^1] == ']';
    }

    /// <summary>The strings of a JSON or Python list; items that are not strings are written as they appear.</summary>
    private static IEnumerable<string> ParseList(string field)
    {
        try
        {
            using var document = JsonDocument.Parse(field);
            return document.RootElement.EnumerateArray()
                .Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText()).ToArray();
        }
        catch (JsonException)
        {
            return ParsePythonList(field.Trim()[1..^1]);
        }
    }

    /// <summary>Items of a Python list body: comma-separated, each optionally in single or double quotes.</summary>
    private static List<string> ParsePythonList(string body)
    {
        var items = new List<string>();
        var item = new System.Text.StringBuilder();
        char quote = '\0';
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (quote != '\0')
            {
                if (c == '\\' && i + 1 < body.Length) item.Append(body[++i]);
                else if (c == quote) quote = '\0';
                else item.Append(c);
            }
            else if (c is '\'' or '"') quote = c;
            else if (c == ',') { items.Add(item.ToString()); item.Clear(); }
            else item.Append(c);
        }
        items.Add(item.ToString());
        return items.Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
    }
}
