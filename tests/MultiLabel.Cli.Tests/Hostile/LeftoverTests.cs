namespace MultiLabel.Cli.Tests.Hostile;

/// <summary>Issue 14, item 9: what a killed run leaves behind is cleaned up, and the advice it gets is one working command.</summary>
[Collection(CliModelCollection.Name)]
public class LeftoverTests(CliModel model)
{
    [Fact]
    public void A_run_killed_while_writing_its_first_checkpoint_gets_one_working_way_on_and_its_leftovers_are_removed()
    {
        using var folder = TestData.NewTempFolder();
        folder.CopyImages(TestData.Samples, "data", 3, "black_dress", "blue_shirt", "red_shoes", "blue_pants");
        // What a SIGKILL during the first last.ckpt write leaves: the best model, no last.ckpt, and the half-written temporary.
        File.Copy(model.Path, folder.Combine("run", "model.mlpkg").Also(Directory.CreateDirectory));
        string leftover = folder.Combine("run", $".last.ckpt.2147483647.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(leftover, new byte[4096]);
        string[] train = ["train", "--data", "data", "--out", "run", "--model", "smallervggnet", "--image-size", "32", "--epochs", "1", "--batch-size", "4",
            "--no-cache", "--threads", "1"];

        var plain = Cli.Run(folder.Path, train);
        var resumed = Cli.Run(folder.Path, [.. train, "--resume"]);
        var overwritten = Cli.Run(folder.Path, [.. train, "--overwrite"]);

        Assert.Equal(64, plain.ExitCode);
        Assert.Equal($"error: {folder.Combine("run")} already holds a model.mlpkg and no last.ckpt to continue; replace it with --overwrite, or choose another --out.",
            plain.Stderr.Trim());
        Assert.Equal(64, resumed.ExitCode);
        Assert.Contains("Start afresh there with --overwrite instead of --resume", resumed.Stderr);
        Assert.True(overwritten.ExitCode == 0, overwritten.ToString());
        Assert.Contains("removed 1 temporary file (0 MB) that an interrupted run left in", overwritten.Stderr);
        Assert.False(File.Exists(leftover));
        Assert.Empty(Directory.GetFiles(folder.Combine("run"), ".*.tmp"));
    }

    [Fact]
    public void The_advice_after_an_interruption_repeats_the_whole_command_with_resume()
    {
        string advice = MultiLabel.Cli.Commands.TrainCommand.ResumeCommand(
            ["train", "--data", "my photos", "--val-data", "held", "--out", "run", "--overwrite", "--label-separator", "-"]);

        Assert.Equal("multilabel train --data 'my photos' --val-data held --out run --label-separator - --resume", advice);
    }
}

internal static class PathExtensions
{
    /// <summary>Runs <paramref name="action"/> on the folder of <paramref name="path"/> and returns the path.</summary>
    public static string Also(this string path, Func<string, DirectoryInfo> action)
    {
        action(Path.GetDirectoryName(path)!);
        return path;
    }
}
