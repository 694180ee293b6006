using System.Text.Json;

namespace MultiLabel.Cli.Tests.Commands;

/// <summary>
/// <c>dataset inspect</c> on a malformed file of every label-file format: one sentence on stderr, exit 2, and the
/// readable entries still counted.
/// </summary>
public class DatasetInspectCommandTests
{
    public static TheoryData<string, string, string, int> Malformed => new()
    {
        // file name, content, words the error sentence must hold, images still read
        { "train_v2.csv", "image_name,tags\ntrain_0,clear primary\ntrain_1,haze\ntrain_21983,clear\n", "train_21983", 2 },
        { "attrs.csv", "image_id,Eyeglasses,Male\ntrain/train_0.jpg,-1,1\ntrain/train_1.jpg,1\n", "missing column 'Male'", 1 },
        { "instances.json", """{"images": [{"id": 1, "file_name": "train/train_0.jpg"}, {"id": 2, "file_name": "train/train_1.jpg"}], "annotations": [{"image_id": 1, "category_id": 1}, {"image_id": 7, "category_id": 1}], "categories": [{"id": 1, "name": "boat"}]}""", "image_id 7", 2 },
        { "export.json", """[{"id": 1, "data": {"image": "/data/upload/1/0a1b2c3d-train_0.jpg"}, "annotations": [{"result": [{"type": "choices", "value": {"choices": ["Sea"]}}]}]}, {"id": 2, "annotations": []}]""", "task 2", 1 },
        { "labels.jsonl", "{\"path\": \"train/train_0.jpg\", \"labels\": [\"a\"]}\n{\"path\": \"train/train_1.jpg\", \"labels\": [\"b\"\n{\"path\": \"train/train_1.jpg\", \"labels\": [\"b\"]}\n", "line 2 is not valid JSON", 2 },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_label_file_gets_one_sentence_and_exit_2_and_its_readable_entries_are_used(string file, string content, string words, int images)
    {
        using var folder = TestData.NewTempFolder();
        // 4-channel CMYK JPEGs under new names, as in Kaggle's satellite chips.
        for (int i = 0; i < 2; i++) folder.Copy(TestData.BadInput("black_pants/cmyk_a.jpg"), $"train/train_{i}.jpg");
        File.WriteAllText(folder.Combine(file), content);

        string[] extra = file == "export.json" ? ["--images", "train"] : [];
        var result = Cli.Run(folder.Path, new[] { "dataset", "inspect", file, "--json", "--no-cache" }.Concat(extra).ToArray());

        Assert.True(result.ExitCode == 2, result.ToString());
        // One sentence: a single "error:" message (the terminal may wrap it), ending in its only full stop.
        string error = Assert.Single(string.Join(" ", result.Stderr.Split('\n').Where(l => !l.StartsWith("decoding"))).Split("error: ", StringSplitOptions.RemoveEmptyEntries)).Trim();
        Assert.EndsWith(".", error);
        // The terminal wraps long lines anywhere: compare without whitespace.
        Assert.Contains(Squash(words), Squash(error));
        Assert.Contains(file, Squash(error));
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(images, root.GetProperty("images").GetInt32());
        Assert.NotEmpty(root.GetProperty("skip_reasons").EnumerateArray());
    }

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public void A_kaggle_file_without_extensions_is_read_from_its_image_subfolder_and_says_so()
    {
        using var folder = TestData.NewTempFolder();
        for (int i = 0; i < 3; i++) folder.Copy(TestData.BadInput("black_pants/cmyk_a.jpg"), $"train/train_{i}.jpg");
        File.WriteAllText(folder.Combine("train_v2.csv"), "image_name,tags\ntrain_0,clear primary\ntrain_1,haze primary\ntrain_2,\n");

        var result = Cli.Run(folder.Path, "dataset", "inspect", "train_v2.csv", "--no-cache");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("3 images, 3 labels", result.Stdout);
        Assert.Contains("path-labels", result.Stdout);
        Assert.Contains("train/, so that folder is used", result.Stdout);
        Assert.Contains("1 images carry no label", result.Stdout);
        Assert.Contains("(rare)", result.Stdout);
    }

    [Fact]
    public void When_nothing_is_usable_the_leading_reasons_are_given_with_counts_and_an_example()
    {
        using var folder = TestData.NewTempFolder();
        Directory.CreateDirectory(folder.Combine("train"));
        File.WriteAllText(folder.Combine("train_v2.csv"), "image_name,tags\n" + string.Concat(Enumerable.Range(0, 30).Select(i => $"train_{i},clear\n")));

        var result = Cli.Run(folder.Path, "dataset", "inspect", "train_v2.csv", "--json", "--no-cache");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(Squash("30 × not found: train_0 (no file with that stem)"), Squash(result.Stderr));
        var reason = Assert.Single(JsonDocument.Parse(result.Stdout).RootElement.GetProperty("skip_reasons").EnumerateArray());
        Assert.Equal(30, reason.GetProperty("count").GetInt32());
        Assert.Equal("not found", reason.GetProperty("reason").GetString());
    }

    [Fact]
    public void Json_counts_images_labels_and_label_sets_and_lists_skipped_files()
    {
        using var folder = TestData.NewTempFolder();
        folder.Copy(TestData.BadInput("black_dress/ok_1.jpg"), "data/black_dress/ok_1.jpg");
        folder.Copy(TestData.BadInput("black_dress/empty_a.jpg"), "data/black_dress/empty_a.jpg");
        folder.Copy(TestData.BadInput("black_pants/ok_1.jpg"), "data/black_pants/ok_1.jpg");

        var result = Cli.Run(folder.Path, "dataset", "inspect", "data", "--json", "--no-cache");

        Assert.True(result.ExitCode == 0, result.ToString());
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        JsonStyle.AssertSnakeCase(root);
        Assert.Equal(["images", "format", "images_folder", "notes", "unlabeled_images", "labels", "rare_labels", "label_sets", "skip_reasons", "skipped"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, root.GetProperty("images").GetInt32());
        Assert.Equal(1, root.GetProperty("label_sets").GetProperty("black_pants").GetInt32());
        var skipped = Assert.Single(root.GetProperty("skipped").EnumerateArray());
        Assert.Equal(["path", "reason"], skipped.EnumerateObject().Select(p => p.Name));
    }
}
