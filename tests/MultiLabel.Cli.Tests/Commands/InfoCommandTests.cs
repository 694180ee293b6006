using System.Text.Json;

namespace MultiLabel.Cli.Tests.Commands;

[Collection(CliModelCollection.Name)]
public class InfoCommandTests(CliModel model)
{
    [Fact]
    public void Shows_the_architecture_input_normalization_and_labels_with_thresholds_of_a_run_folders_model()
    {
        using var folder = TestData.NewTempFolder();

        var result = Cli.Run(folder.Path, "info", model.RunFolder);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("smallervggnet", result.Stdout);
        Assert.Contains("32×32 RGB", result.Stdout);
        Assert.Contains("(pixel × 0.0039 − mean) / std", result.Stdout);
        foreach (string label in model.Labels) Assert.Matches($@"│ {label}\s+│\s+0\.5 │", result.Stdout);
    }

    [Fact]
    public void Json_prints_the_manifest()
    {
        using var folder = TestData.NewTempFolder();

        var result = Cli.Run(folder.Path, "info", model.Path, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var manifest = JsonDocument.Parse(result.Stdout).RootElement;
        JsonStyle.AssertSnakeCase(manifest);
        Assert.Equal("multilabel-model", manifest.GetProperty("format").GetString());
        Assert.Equal("smallervggnet", manifest.GetProperty("architecture").GetString());
        Assert.Equal(model.Labels, manifest.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public void A_text_file_is_refused_with_a_plain_error()
    {
        using var folder = TestData.NewTempFolder();
        File.WriteAllText(folder.Combine("model.mlpkg"), "hello");

        var result = Cli.Run(folder.Path, "info", "model.mlpkg");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("error: model.mlpkg is not a MultiLabel model (model.mlpkg); info takes the model.mlpkg a training run wrote, or the run folder holding it.",
            result.Stderr.TrimEnd());
    }
}
