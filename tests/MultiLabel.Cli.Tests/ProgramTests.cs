namespace MultiLabel.Cli.Tests;

public class ProgramTests
{
    [Fact]
    public void Help_lists_every_command()
    {
        using var folder = TestData.NewTempFolder();

        var result = Cli.Run(folder.Path, "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (string command in new[] { "train", "predict", "evaluate", "info", "models", "dataset" })
            Assert.Matches($"(?m)^\\s+{command}\\s", result.Stdout);
    }

    [Theory]
    [InlineData("train")]
    [InlineData("predict")]
    [InlineData("evaluate")]
    [InlineData("info")]
    [InlineData("models")]
    [InlineData("dataset", "inspect")]
    public void Every_command_prints_its_help(params string[] command)
    {
        using var folder = TestData.NewTempFolder();

        var result = Cli.Run(folder.Path, [.. command, "--help"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("USAGE:", result.Stdout);
        Assert.Contains("OPTIONS:", result.Stdout);
    }
}
