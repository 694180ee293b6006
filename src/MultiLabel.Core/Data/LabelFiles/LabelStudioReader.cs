using System.Text.Json;
using System.Text.RegularExpressions;

namespace MultiLabel.Data.LabelFiles;

/// <summary>
/// Reads Label Studio's JSON export: a list of tasks, each with its image in <c>data</c> and annotations whose
/// <c>choices</c> results are the labels (the union over the task's annotations that were not cancelled). A task
/// without annotations was never labelled and is left out; one annotated with no choice has no labels.
/// Upload paths (<c>/data/upload/3/8f2e1c4a-photo.jpg</c>) resolve by file name in the images folder, with or
/// without the prefix Label Studio adds.
/// </summary>
internal static partial class LabelStudioReader
{
    public static LabelFileContent Read(string path)
    {
        string file = Path.GetFileName(path);
        using var document = JsonText.ParseFile(path, "Label Studio tasks");
        if (document.RootElement.ValueKind != JsonValueKind.Array)
            throw new DatasetException($"{path} is no Label Studio export: it should be a JSON list of tasks; export the project as JSON.");
        var entries = new List<LabelEntry>();
        var problems = new List<SkippedFile>();
        int t = 0;
        foreach (var task in document.RootElement.EnumerateArray())
        {
            string where = $"task {JsonText.Id(task, "id") ?? t.ToString()}";
            t++;
            string? image = Image(task);
            if (image == null)
            {
                problems.Add(DelimitedLabelReader.Problem(file, where, null, "has no image in its \"data\"", "no image in data"));
                continue;
            }
            var annotations = (JsonText.Property(task, "annotations", "completions") is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray().ToArray() : [])
                .Where(x => !(JsonText.Property(x, "was_cancelled") is { ValueKind: JsonValueKind.True })).ToArray();
            if (annotations.Length == 0)
            {
                problems.Add(new SkippedFile($"{file} {where}", $"{file} {where} ({image}) has no annotation yet; label it in Label Studio or leave it out")
                    { Kind = SkipKind.NotAnnotated, Entry = image, Detail = "no annotation" });
                continue;
            }
            var labels = annotations
                .SelectMany(x => JsonText.Property(x, "result") is { ValueKind: JsonValueKind.Array } r ? r.EnumerateArray() : Enumerable.Empty<JsonElement>())
                .Where(r => JsonText.String(r, "type") is null or "choices")
                .SelectMany(r => JsonText.Property(r, "value") is { } v && JsonText.Property(v, "choices") is { ValueKind: JsonValueKind.Array } c
                    ? c.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)
                    : []);
            entries.Add(LabelEntry.Of(image, labels, where) with { Alternates = Alternates(image) });
        }
        return new LabelFileContent(LabelFileFormat.LabelStudio, entries, problems, []);
    }

    /// <summary>The task's image: <c>data.image</c>, else the first string in <c>data</c>.</summary>
    private static string? Image(JsonElement task)
    {
        if (JsonText.Property(task, "data") is not { ValueKind: JsonValueKind.Object } data) return null;
        if (JsonText.String(data, "image", "img", "image_url") is { Length: > 0 } image) return image;
        return data.EnumerateObject().Select(p => p.Value).FirstOrDefault(v => v.ValueKind == JsonValueKind.String).GetString() is { Length: > 0 } s ? s : null;
    }

    /// <summary>Names to try for a Label Studio path: the local-files path it names, its file name, and the file name without the upload prefix.</summary>
    private static IReadOnlyList<string> Alternates(string image)
    {
        var names = new List<string>();
        int query = image.IndexOf("?d=", StringComparison.Ordinal);
        string local = query >= 0 ? Uri.UnescapeDataString(image[(query + 3)..]) : Uri.UnescapeDataString(image.Split('?')[0]);
        if (query >= 0) names.Add(local);
        string name = local.Split('/').Last();
        if (name.Length > 0) names.Add(name);
        if (UploadPrefix().Match(name) is { Success: true } m) names.Add(name[m.Length..]);
        return names;
    }

    [GeneratedRegex("^[0-9a-f]{8}-")]
    private static partial Regex UploadPrefix();
}
