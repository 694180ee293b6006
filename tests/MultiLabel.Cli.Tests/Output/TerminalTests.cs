namespace MultiLabel.Cli.Tests.Output;

/// <summary>Output written to a file or pipe keeps every line whole, whatever $COLUMNS says (the CLI runs with COLUMNS=80 here).</summary>
public class TerminalTests
{
    [Fact]
    public void A_long_error_is_one_line_when_stderr_is_redirected()
    {
        using var folder = TestData.NewTempFolder();
        string model = string.Join('/', Enumerable.Repeat("a-rather-long-folder-name", 8)) + "/model.mlpkg";

        var result = Cli.Run(folder.Path, "predict", "--model", model, "x.jpg");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal($"error: --model {model} does not exist; --model takes the model.mlpkg a training run wrote, or the run folder holding it.",
            result.Stderr.TrimEnd('\n'));
    }

    [Fact]
    public void A_wide_table_keeps_each_row_on_one_line()
    {
        using var folder = TestData.NewTempFolder();
        string deep = string.Join('/', Enumerable.Repeat("nested-folder", 12));
        folder.Copy(TestData.BadInput("black_dress/ok_1.jpg"), $"{deep}/black_dress/ok_1.jpg");
        folder.Copy(TestData.BadInput("black_pants/ok_1.jpg"), $"{deep}/black_pants/ok_1.jpg");

        var result = Cli.Run(folder.Path, "dataset", "inspect", deep, "--no-cache");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"2 images, 3 labels, 2 label sets, 0 files skipped in {Path.Combine(folder.Path, deep)}", result.Stdout);
    }
}
