using MultiLabel.Data;

namespace MultiLabel.Tests.Data.LabelFiles;

/// <summary>COCO, Label Studio and JSON lines files, each read whole and each with a malformed part that is left out.</summary>
public class JsonLabelReaderTests
{
    private static TempFolder ThreeImages()
    {
        var folder = TestData.NewTempFolder();
        folder.Copy(TestData.BadInput("black_dress/ok_1.jpg"), "img/a.jpg");
        folder.Copy(TestData.BadInput("black_dress/ok_2.jpg"), "img/b.jpg");
        folder.Copy(TestData.BadInput("black_dress/ok_3.jpg"), "img/c.jpg");
        return folder;
    }

    [Fact]
    public void Coco_labels_are_the_categories_of_an_images_annotations_and_a_bad_annotation_is_left_out()
    {
        using var folder = ThreeImages();
        File.WriteAllText(folder.Combine("instances.json"), """
            {
              "images": [{"id": 1, "file_name": "img/a.jpg"}, {"id": 2, "file_name": "img/b.jpg"}, {"id": 3, "file_name": "img/c.jpg"}],
              "annotations": [
                {"id": 10, "image_id": 1, "category_id": 1}, {"id": 11, "image_id": 1, "category_id": 2},
                {"id": 12, "image_id": 1, "category_id": 1}, {"id": 13, "image_id": 2, "category_id": 2},
                {"id": 14, "image_id": 99, "category_id": 1}
              ],
              "categories": [{"id": 1, "name": "person"}, {"id": 2, "name": "dog"}]
            }
            """);

        var scan = LabelFile.Read(folder.Combine("instances.json"));

        Assert.Equal(LabelFileFormat.Coco, scan.Format);
        Assert.Equal([["dog", "person"], ["dog"], []], scan.Images.Select(i => i.Labels));
        Assert.Equal(1, scan.UnlabeledImages);
        var bad = Assert.Single(scan.Skipped);
        Assert.Equal(SkipKind.Malformed, bad.Kind);
        Assert.Contains("image_id 99", bad.Reason);
    }

    [Fact]
    public void A_coco_file_that_is_not_json_is_one_sentence_naming_the_file_and_the_place()
    {
        using var folder = ThreeImages();
        File.WriteAllText(folder.Combine("instances.json"), "{\n  \"images\": [{\"id\": 1, \"file_name\": \"img/a.jpg\"},\n");

        var error = Assert.Throws<DatasetException>(() => LabelFile.Read(folder.Combine("instances.json")));

        Assert.Contains("instances.json is not valid JSON (line", error.Message);
        Assert.Single(error.Message.Split(". ", StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Label_studio_choices_are_the_labels_and_upload_paths_resolve_by_file_name()
    {
        using var folder = ThreeImages();
        File.WriteAllText(folder.Combine("export.json"), """
            [
              {"id": 1, "data": {"image": "/data/upload/3/8f2e1c4a-a.jpg"},
               "annotations": [{"was_cancelled": false, "result": [{"type": "choices", "from_name": "tags", "to_name": "image", "value": {"choices": ["Cat", "Indoor"]}}]}]},
              {"id": 2, "data": {"image": "/data/local-files/?d=img/b.jpg"},
               "annotations": [{"was_cancelled": false, "result": []}]},
              {"id": 3, "data": {"image": "c.jpg"}, "annotations": []},
              {"id": 4, "annotations": [{"result": [{"type": "choices", "value": {"choices": ["Dog"]}}]}]}
            ]
            """);

        var scan = LabelFile.Read(folder.Combine("export.json"), new ImageSourceOptions { ImagesDirectory = folder.Combine("img") });

        Assert.Equal(LabelFileFormat.LabelStudio, scan.Format);
        Assert.Equal([["Cat", "Indoor"], []], scan.Images.Select(i => i.Labels));
        Assert.Contains(scan.Skipped, s => s.Kind == SkipKind.NotAnnotated && s.Entry == "c.jpg");
        Assert.Contains(scan.Skipped, s => s.Kind == SkipKind.Malformed && s.Reason.Contains("task 4"));
    }

    [Fact]
    public void Json_lines_are_read_line_by_line_and_a_broken_line_is_left_out()
    {
        using var folder = ThreeImages();
        File.WriteAllText(folder.Combine("labels.jsonl"),
            "{\"path\": \"img/a.jpg\", \"labels\": [\"red\", \"dress\"]}\n" +
            "{\"path\": \"img/b.jpg\", \"labels\": [\"blue\"\n" +
            "{\"image\": \"img/c.jpg\", \"labels\": []}\n" +
            "{\"path\": \"img/nope.jpg\", \"labels\": [\"red\"]}\n");

        var scan = LabelFile.Read(folder.Combine("labels.jsonl"));

        Assert.Equal(LabelFileFormat.JsonLines, scan.Format);
        Assert.Equal([["dress", "red"], []], scan.Images.Select(i => i.Labels));
        Assert.Contains(scan.Skipped, s => s.Kind == SkipKind.Malformed && s.Reason.Contains("line 2 is not valid JSON"));
        Assert.Contains(scan.Skipped, s => s.Kind == SkipKind.NotFound && s.Entry == "img/nope.jpg");
    }

    [Fact]
    public void The_format_can_be_given_instead_of_detected()
    {
        using var folder = ThreeImages();
        File.WriteAllText(folder.Combine("labels.txt"), "{\"path\": \"img/a.jpg\", \"labels\": \"red;dress\"}\n");

        var scan = LabelFile.Read(folder.Combine("labels.txt"), new ImageSourceOptions { LabelFormat = LabelFileFormat.JsonLines });

        Assert.Equal(["dress", "red"], Assert.Single(scan.Images).Labels);
    }
}
