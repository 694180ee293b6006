using System.Text.Json;

namespace MultiLabel.Data.LabelFiles;

/// <summary>
/// Reads COCO instance JSON (<c>images</c>, <c>annotations</c>, <c>categories</c>): an image's labels are the names of
/// the categories its annotations have; an image without annotations is an image without labels.
/// </summary>
internal static class CocoLabelReader
{
    public static LabelFileContent Read(string path)
    {
        string file = Path.GetFileName(path);
        using var document = JsonText.ParseFile(path, "COCO images");
        var root = document.RootElement;
        if (JsonText.Property(root, "images") is not { ValueKind: JsonValueKind.Array } images)
            throw new DatasetException($"{path} has no \"images\" list, so it is no COCO file; give a COCO instances file or choose the label file format.");
        var problems = new List<SkippedFile>();

        var categories = new Dictionary<string, string>(StringComparer.Ordinal);
        if (JsonText.Property(root, "categories") is { ValueKind: JsonValueKind.Array } list)
        {
            int c = 0;
            foreach (var category in list.EnumerateArray())
            {
                if (JsonText.Id(category, "id") is { } id && JsonText.String(category, "name") is { Length: > 0 } name) categories[id] = name;
                else problems.Add(DelimitedLabelReader.Problem(file, $"categories[{c}]", null, "has no id or no name", "category without id or name"));
                c++;
            }
        }

        var names = new Dictionary<string, (string Name, int Index)>(StringComparer.Ordinal);
        int i = 0;
        foreach (var image in images.EnumerateArray())
        {
            string? id = JsonText.Id(image, "id"), name = JsonText.String(image, "file_name", "path", "coco_url");
            if (id == null || string.IsNullOrWhiteSpace(name))
                problems.Add(DelimitedLabelReader.Problem(file, $"images[{i}]", name, id == null ? "has no id" : $"(id {id}) has no file_name", id == null ? "image without id" : "image without file_name"));
            else names[id] = (name, i);
            i++;
        }

        var labels = names.Keys.ToDictionary(k => k, _ => new List<string>(), StringComparer.Ordinal);
        int a = 0;
        if (JsonText.Property(root, "annotations") is { ValueKind: JsonValueKind.Array } annotations)
        {
            foreach (var annotation in annotations.EnumerateArray())
            {
                string? imageId = JsonText.Id(annotation, "image_id"), categoryId = JsonText.Id(annotation, "category_id");
                if (imageId == null || !labels.TryGetValue(imageId, out var target))
                    problems.Add(DelimitedLabelReader.Problem(file, $"annotations[{a}]", null,
                        $"names image_id {imageId ?? "(none)"}, which no entry of \"images\" has", $"unknown image_id {imageId ?? "(none)"}"));
                else if (categoryId == null || !categories.TryGetValue(categoryId, out string? category))
                    problems.Add(DelimitedLabelReader.Problem(file, $"annotations[{a}]", names[imageId].Name,
                        $"names category_id {categoryId ?? "(none)"}, which no entry of \"categories\" has", $"unknown category_id {categoryId ?? "(none)"}"));
                else target.Add(category);
                a++;
            }
        }
        var entries = names.OrderBy(n => n.Value.Index)
            .Select(n => LabelEntry.Of(n.Value.Name, labels[n.Key], $"image id {n.Key}"))
            .ToList();
        int unannotated = entries.Count(e => e.Labels.Count == 0);
        var notes = unannotated > 0 ? new List<string> { $"{unannotated} images have no annotations and so no labels" } : [];
        return new LabelFileContent(LabelFileFormat.Coco, entries, problems, notes);
    }
}
