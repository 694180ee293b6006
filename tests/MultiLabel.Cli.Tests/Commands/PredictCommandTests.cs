using System.Text.Json;
using MultiLabel.Data;

namespace MultiLabel.Cli.Tests.Commands;

[Collection(CliModelCollection.Name)]
public class PredictCommandTests(CliModel model)
{
    [Fact]
    public void Prints_a_table_of_each_file_with_its_labels_with_a_run_folders_model()
    {
        using var folder = TestData.NewTempFolder();
        folder.CopyImages(TestData.Samples, "photos", 1, "black_dress", "blue_shirt");

        var result = Cli.Run(folder.Path, "predict", "--model", model.RunFolder, "photos", "--threshold", "0", "--top-k", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (string file in Directory.GetFiles(folder.Combine("photos"), "*", SearchOption.AllDirectories))
            Assert.Contains(Path.GetFileNameWithoutExtension(file)[..12], result.Stdout);
        Assert.Contains("2 images predicted", result.Stdout);
        Assert.Matches(@"│ \w+ 0\.\d{3}\s+│", result.Stdout); // one label with its score per row
        Assert.Contains("predicting images 2/2", result.Stderr);
        Assert.DoesNotContain("predicting", result.Stdout);
        // libtorch's NNPACK warning (one per small forward pass on unsupported CPUs) is switched off.
        Assert.DoesNotContain("NNPACK", result.Stderr);
    }

    [Fact]
    public void Json_is_one_array_with_unreadable_files_reported_in_place()
    {
        using var folder = TestData.NewTempFolder();
        foreach (string file in Directory.GetFiles(TestData.BadInput("black_dress")))
            folder.Copy(file, Path.Combine("in", Path.GetFileName(file)));

        var result = Cli.Run(folder.Path, "predict", "--model", model.Path, "in", "missing.jpg", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        JsonStyle.AssertSnakeCase(json);
        var items = json.EnumerateArray().ToArray();
        Assert.Equal(["in/alpha_a.png", "in/as_png_a.png", "in/empty_a.jpg", "in/ok_1.jpg", "in/ok_2.jpg", "in/ok_3.jpg", "in/truncated_a.jpg", "missing.jpg"],
            items.Select(i => i.GetProperty("path").GetString()));
        foreach (var item in items)
        {
            string name = item.GetProperty("path").GetString()!;
            if (name is "in/empty_a.jpg" or "in/truncated_a.jpg" or "missing.jpg")
            {
                Assert.Equal(["path", "error"], item.EnumerateObject().Select(p => p.Name));
                continue;
            }
            Assert.Equal(["path", "labels", "scores"], item.EnumerateObject().Select(p => p.Name));
            Assert.Equal(model.Labels, item.GetProperty("scores").EnumerateObject().Select(p => p.Name));
            foreach (var label in item.GetProperty("labels").EnumerateArray())
                Assert.True(item.GetProperty("scores").GetProperty(label.GetString()!).GetDouble() >= 0.5);
        }
        Assert.Contains("truncated", items[6].GetProperty("error").GetString());
        Assert.Equal("no such file or folder", items[7].GetProperty("error").GetString());
    }

    [Fact]
    public void A_folder_of_only_broken_files_exits_with_2()
    {
        using var folder = TestData.NewTempFolder();
        folder.Copy(TestData.BadInput("black_dress/empty_a.jpg"), "broken/empty_a.jpg");
        folder.Copy(TestData.BadInput("black_dress/truncated_a.jpg"), "broken/truncated_a.jpg");
        folder.Copy(TestData.BadInput("black_pants/text_a.jpg"), "broken/text_a.jpg");

        var result = Cli.Run(folder.Path, "predict", "--model", model.Path, "broken", "--json");

        Assert.True(result.ExitCode == 2, result.ToString());
        var items = JsonDocument.Parse(result.Stdout).RootElement.EnumerateArray().ToArray();
        Assert.Equal(3, items.Length);
        Assert.All(items, i => Assert.True(i.TryGetProperty("error", out _)));
        Assert.Contains("none of the 3 inputs could be predicted", result.Stderr);
    }

    [Fact]
    public void Glob_patterns_the_shell_left_alone_are_expanded()
    {
        using var folder = TestData.NewTempFolder();
        folder.CopyImages(TestData.Samples, "samples", 2, "black_dress", "red_shoes");
        folder.Copy(TestData.BadInput("black_dress/alpha_a.png"), "samples/red_shoes/x.png");

        var result = Cli.Run(folder.Path, "predict", "--model", model.Path, "samples/**/*.jpg", "--json", "--top-k", "2", "--threshold", "0");

        Assert.True(result.ExitCode == 0, result.ToString());
        var items = JsonDocument.Parse(result.Stdout).RootElement.EnumerateArray().ToArray();
        Assert.Equal(4, items.Length);
        Assert.All(items, i => Assert.EndsWith(".jpg", i.GetProperty("path").GetString()));
        Assert.All(items, i => Assert.Equal(2, i.GetProperty("labels").GetArrayLength()));
    }

    [Fact]
    public void Annotate_writes_a_labelled_copy_of_each_image_without_name_collisions()
    {
        using var folder = TestData.NewTempFolder();
        folder.Copy(TestData.BadInput("black_dress/ok_1.jpg"), "a/black_dress/ok_1.jpg");
        folder.Copy(TestData.BadInput("black_pants/ok_1.jpg"), "a/black_pants/ok_1.jpg");
        folder.Copy(TestData.BadInput("black_dress/empty_a.jpg"), "a/black_pants/empty_a.jpg");

        var result = Cli.Run(folder.Path, "predict", "--model", model.Path, "a/black_dress/ok_1.jpg", "a/black_pants", "--annotate", "out");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["black_dress/ok_1.annotated.jpg", "black_pants/ok_1.annotated.jpg"],
            Directory.GetFiles(folder.Combine("out"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder.Combine("out"), f)).Order());
        Assert.Equal(ImageFormat.Jpeg, ImageFormatSniffer.Detect(folder.Combine("out", "black_pants", "ok_1.annotated.jpg"), out _));
        Assert.Equal(400, ImageDecoder.DecodeOriented(File.ReadAllBytes(folder.Combine("out", "black_dress", "ok_1.annotated.jpg"))).Width);
    }

    [Fact]
    public void Csv_and_jsonl_carry_the_same_scores_as_json()
    {
        using var folder = TestData.NewTempFolder();
        folder.CopyImages(TestData.Samples, "photos", 2, "black_dress", "blue_shirt", "red_shoes");
        folder.Copy(TestData.BadInput("black_dress/truncated_a.jpg"), "photos/broken.jpg");

        var json = Cli.Run(folder.Path, "predict", "--model", model.Path, "photos", "--json");
        var csv = Cli.Run(folder.Path, "predict", "--model", model.Path, "photos", "--format", "csv");
        var jsonl = Cli.Run(folder.Path, "predict", "--model", model.Path, "photos", "--format", "jsonl");

        Assert.True(csv.ExitCode == 0, csv.ToString());
        var items = JsonDocument.Parse(json.Stdout).RootElement.EnumerateArray().ToArray();
        var rows = csv.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal("path,predicted_labels," + string.Join(",", model.Labels.Select(l => "score_" + l)) + ",error", rows[0]);
        Assert.Equal(items.Length, rows.Length - 1);
        for (int i = 0; i < items.Length; i++)
        {
            var cells = rows[i + 1].Split(',');
            Assert.Equal(items[i].GetProperty("path").GetString(), cells[0]);
            if (items[i].TryGetProperty("error", out _))
            {
                Assert.Contains("truncated", rows[i + 1]);
                continue;
            }
            Assert.Equal(string.Join(";", items[i].GetProperty("labels").EnumerateArray().Select(l => l.GetString())), cells[1]);
            for (int l = 0; l < model.Labels.Count; l++)
                Assert.Equal(items[i].GetProperty("scores").GetProperty(model.Labels[l]).GetSingle(), float.Parse(cells[2 + l], System.Globalization.CultureInfo.InvariantCulture));
        }
        var lines = jsonl.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(items.Select(i => JsonSerializer.Serialize(i)), lines.Select(l => JsonSerializer.Serialize(JsonDocument.Parse(l).RootElement)));
    }

    [Fact]
    public void Shards_together_predict_every_file_exactly_once_with_the_scores_of_one_run()
    {
        using var folder = TestData.NewTempFolder();
        folder.CopyImages(TestData.Samples, "photos", 3, "black_dress", "blue_shirt", "red_shoes", "green_shorts", "black_pants");
        folder.Copy(TestData.BadInput("black_dress/truncated_a.jpg"), "photos/broken.jpg");

        var whole = Cli.Run(folder.Path, "predict", "--model", model.Path, "photos", "missing.jpg", "--format", "jsonl");
        var parts = Enumerable.Range(0, 3).Select(i => Cli.Run(folder.Path, "predict", "--model", model.Path, "photos", "missing.jpg", "--format", "jsonl", "--shard", $"{i}/3")).ToArray();

        Assert.All(parts, p => Assert.True(p.ExitCode == 0, p.ToString()));
        var all = whole.Stdout.TrimEnd('\n').Split('\n').ToDictionary(l => JsonDocument.Parse(l).RootElement.GetProperty("path").GetString()!, l => l);
        var sharded = parts.SelectMany(p => p.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        Assert.Equal(17, all.Count);
        Assert.Equal(all.Count, sharded.Length);
        foreach (string line in sharded) Assert.Equal(all[JsonDocument.Parse(line).RootElement.GetProperty("path").GetString()!], line);
        Assert.All(parts, p => Assert.NotEmpty(p.Stdout));
    }

    [Theory]
    [InlineData("3/3")]
    [InlineData("1")]
    [InlineData("-1/2")]
    public void A_shard_that_is_not_a_part_of_the_whole_is_refused(string shard)
    {
        using var folder = TestData.NewTempFolder();

        var result = Cli.Run(folder.Path, "predict", "--model", model.Path, "photos", "--shard", shard);

        Assert.Equal(64, result.ExitCode);
        Assert.Contains("--shard takes I/N", result.Stderr);
    }

    [Fact]
    public void Explain_writes_one_png_per_predicted_label_at_the_original_size_and_json_says_where()
    {
        using var folder = TestData.NewTempFolder();
        folder.CopyImages(TestData.Samples, "photos", 2, "black_dress", "blue_shirt");

        var result = Cli.Run(folder.Path, "predict", "--model", model.Path, "photos", "--threshold", "0.45", "--explain", "maps", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        JsonStyle.AssertSnakeCase(json);
        var items = json.EnumerateArray().ToArray();
        int expected = items.Sum(i => i.GetProperty("labels").GetArrayLength());
        Assert.True(expected > 0, result.ToString());
        Assert.Equal(expected, Directory.GetFiles(folder.Combine("maps")).Length);
        foreach (var item in items)
        {
            string image = folder.Combine(item.GetProperty("path").GetString()!);
            using var original = ImageDecoder.DecodeOriented(File.ReadAllBytes(image));
            var explanations = item.GetProperty("explanations");
            Assert.Equal(item.GetProperty("labels").EnumerateArray().Select(l => l.GetString()), explanations.EnumerateObject().Select(e => e.Name));
            foreach (var explanation in explanations.EnumerateObject())
            {
                string file = explanation.Value.GetProperty("file").GetString()!;
                Assert.Equal(Path.Combine("maps", $"{Path.GetFileNameWithoutExtension(image)}.{explanation.Name}.png"), file);
                Assert.Equal(ImageFormat.Png, ImageFormatSniffer.Detect(folder.Combine(file), out _));
                using var overlay = ImageDecoder.DecodeOriented(File.ReadAllBytes(folder.Combine(file)));
                Assert.Equal((original.Width, original.Height), (overlay.Width, overlay.Height));
                Assert.All(explanation.Value.GetProperty("center").EnumerateArray(), c => Assert.InRange(c.GetDouble(), 0, 1));
            }
        }
        Assert.Contains($"{expected} heat maps in", result.Stderr);
    }

    [Fact]
    public void Explain_never_replaces_an_input_image()
    {
        using var folder = TestData.NewTempFolder();
        folder.Copy(TestData.BadInput("black_dress/ok_1.jpg"), "in/ok_1.jpg");
        string victim = folder.Copy(TestData.BadInput("black_dress/ok_2.jpg"), "in/ok_1.black.png");
        byte[] before = File.ReadAllBytes(victim);

        var result = Cli.Run(folder.Path, "predict", "--model", model.Path, "in", "--explain", "in", "--explain-labels", "black");

        Assert.True(result.ExitCode == 64, result.ToString());
        Assert.Contains("--explain in would receive the overlay ok_1.black.png, which would replace the input image", result.Stderr);
        Assert.Equal(before, File.ReadAllBytes(victim));
        Assert.Equal(2, Directory.GetFiles(folder.Combine("in")).Length);
    }

    [Fact]
    public void A_label_to_explain_that_the_model_does_not_know_is_one_plain_error()
    {
        using var folder = TestData.NewTempFolder();

        var result = Cli.Run(folder.Path, "predict", "--model", model.Path, TestData.BadInput("black_dress/ok_1.jpg"), "--explain", "out", "--explain-labels", "red,purple");

        Assert.True(result.ExitCode == 64, result.ToString());
        Assert.Contains("--explain-labels names 'purple', which is not a label of this model; its labels are black, blue", result.Stderr);
        Assert.False(Directory.Exists(folder.Combine("out")));
    }

    [Theory]
    [InlineData("model.mlpkg", "error: --model model.mlpkg does not exist; --model takes the model.mlpkg a training run wrote, or the run folder holding it.")]
    [InlineData("notes.txt", "error: --model notes.txt is not a MultiLabel model (model.mlpkg); --model takes the model.mlpkg a training run wrote, or the run folder holding it.")]
    [InlineData(".", "error: --model . is a folder without a model.mlpkg; --model takes the model.mlpkg a training run wrote, or the run folder holding it.")]
    public void A_model_that_cannot_be_read_is_one_plain_error(string modelFile, string message)
    {
        using var folder = TestData.NewTempFolder();
        File.WriteAllText(folder.Combine("notes.txt"), "not a model");

        var result = Cli.Run(folder.Path, "predict", "--model", modelFile, TestData.BadInput("black_dress/ok_1.jpg"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(message, result.Stderr.TrimEnd()); // one sentence, no stack trace
    }
}
