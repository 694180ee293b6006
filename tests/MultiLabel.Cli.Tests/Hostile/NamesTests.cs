using System.Text.Json;

namespace MultiLabel.Cli.Tests.Hostile;

/// <summary>Issue 14, item 8: names a terminal would act on, names that are not UTF-8, and devices given as datasets.</summary>
[Collection(CliModelCollection.Name)]
public class NamesTests(CliModel model)
{
    private const string Clear = "\u001b[2J";

    [Fact]
    public void Escape_sequences_in_file_names_are_shown_escaped_and_kept_exact_in_json()
    {
        using var folder = TestData.NewTempFolder();
        string image = Directory.GetFiles(Path.Combine(TestData.Samples, "black_dress")).Order(StringComparer.Ordinal).First();
        folder.Copy(image, $"photos/{Clear}evil.jpg");
        folder.Copy(image, "data/black_dress/ok.jpg");
        File.WriteAllText(folder.Combine("data", "black_dress", $"{Clear}notes.jpg"), "text");
        folder.Copy(Directory.GetFiles(Path.Combine(TestData.Samples, "blue_shirt"))[0], "data/blue_shirt/ok.jpg");

        var table = Cli.Run(folder.Path, "predict", "--model", model.Path, "photos");
        var json = Cli.Run(folder.Path, "predict", "--model", model.Path, "photos", "--json");
        var inspect = Cli.Run(folder.Path, "dataset", "inspect", "data", "--no-cache");

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.DoesNotContain('\u001b', table.Stdout + table.Stderr);
        Assert.Contains(@"\x1B[2Jevil.jpg", table.Stdout);
        Assert.Equal($"photos/{Clear}evil.jpg", JsonDocument.Parse(json.Stdout).RootElement[0].GetProperty("path").GetString());
        Assert.DoesNotContain('\u001b', inspect.Stdout + inspect.Stderr);
        Assert.Contains(@"\x1B[2Jnotes.jpg", inspect.Stdout);
    }

    [Fact]
    public void A_file_whose_name_is_not_utf8_is_reported_by_predict_not_listed_then_lost()
    {
        using var folder = TestData.NewTempFolder();
        string image = Directory.GetFiles(Path.Combine(TestData.Samples, "black_dress")).Order(StringComparer.Ordinal).First();
        folder.Copy(image, "photos/good.jpg");
        string bad = folder.Copy(image, "photos/bad.jpg");
        RawNames.RenameToInvalidUtf8(bad, folder.Combine("photos"), "bad", ".jpg");

        var result = Cli.Run(folder.Path, "predict", "--model", model.Path, "photos", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var items = JsonDocument.Parse(result.Stdout).RootElement.EnumerateArray().ToArray();
        Assert.Equal(2, items.Length);
        Assert.Contains(items, i => i.TryGetProperty("error", out var e) &&
            e.GetString() == "its name is not valid UTF-8 (shown with \uFFFD where bytes cannot be decoded), so it cannot be opened; rename it");
    }

    [Theory]
    [InlineData("/dev/zero", "a character device")]
    [InlineData("/dev/null", "a character device")]
    public void A_device_given_as_a_dataset_is_refused_in_one_sentence(string device, string kind)
    {
        using var folder = TestData.NewTempFolder();

        var result = Cli.Run(folder.Path, "dataset", "inspect", device);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: {device} is {kind}, not a dataset; dataset inspect takes a folder of label-named subfolders (black_dress/photo.jpg) or a CSV label file.",
            result.Stderr.Trim());
    }
}
