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
        Assert.Equal(["black_dress/ok_1.jpg", "black_pants/ok_1.jpg"],
            Directory.GetFiles(folder.Combine("out"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder.Combine("out"), f)).Order());
        Assert.Equal(ImageFormat.Jpeg, ImageFormatSniffer.Detect(folder.Combine("out", "black_pants", "ok_1.jpg"), out _));
        Assert.Equal(400, ImageDecoder.DecodeOriented(File.ReadAllBytes(folder.Combine("out", "black_dress", "ok_1.jpg"))).Width);
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
