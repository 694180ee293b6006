using System.Text.RegularExpressions;
using System.Xml.Linq;
using MultiLabel.Cli.Parsing;
using MultiLabel.Persistence;

namespace MultiLabel.Cli.Tests;

public class ProgramTests
{
    [Theory]
    [InlineData("--version")]
    [InlineData("-v")]
    public void Version_prints_the_package_version_that_bundles_record(string option)
    {
        var result = InProcess.Run(option);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(BundleManifest.CurrentToolVersion, result.Output.Trim());
        Assert.Equal(PackageVersion(), result.Output.Trim());
    }

    [Fact]
    public void Help_lists_every_command()
    {
        var result = InProcess.Run("--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (string command in new[] { "train", "predict", "evaluate", "info", "models", "export", "serve", "dataset", "cache" })
            Assert.Matches($"(?m)^\\s+{command}\\s", result.Output);
        Assert.Matches("(?m)^\\s+-v, --version\\s", result.Output);
    }

    [Fact]
    public void The_catalog_knows_exactly_the_commands_of_the_tree()
    {
        var listed = new List<string>();
        foreach (string line in InProcess.Run("--help").Output.Split('\n').SkipWhile(l => !l.StartsWith("COMMANDS:")).Skip(1))
            if (Regex.Match(line, @"^\s{4}(\w+)\s") is { Success: true } m) listed.Add(m.Groups[1].Value);
        string[] branches = ["dataset", "cache"];
        foreach (string branch in branches)
            foreach (string line in InProcess.Run(branch, "--help").Output.Split('\n').SkipWhile(l => !l.StartsWith("COMMANDS:")).Skip(1))
                if (Regex.Match(line, @"^\s{4}(\w+)\s") is { Success: true } m) listed.Add(branch + " " + m.Groups[1].Value);

        Assert.Equal(listed.Where(c => !branches.Contains(c)).Order(), CommandCatalog.All.Select(c => c.Words).Order());
    }

    [Fact]
    public void Every_command_lists_its_options_by_importance()
    {
        foreach (var command in CommandCatalog.All)
        {
            var result = InProcess.Run([.. command.Words.Split(' '), "--help"]);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("USAGE:", result.Output);

            var listed = Regex.Matches(result.Output, @"(?m)^\s+(?:-\w, )?--([\w-]+)").Select(m => m.Groups[1].Value).Where(n => n != "help").ToArray();
            Assert.Equal(command.Options.Select(o => o.Attribute.LongNames[0]).Order(), listed.Order());
            var ranks = listed.Select(n => command.Option(n)!.Importance).ToArray();
            Assert.True(ranks.SequenceEqual(ranks.Order()), $"{command.Words}: {string.Join(", ", listed.Zip(ranks))}");
        }
    }

    [Fact]
    public void Train_help_starts_with_the_data_and_ends_with_the_machine()
    {
        var listed = Regex.Matches(InProcess.Run("train", "--help").Output, @"(?m)^\s+--([\w-]+)").Select(m => m.Groups[1].Value).ToArray();

        Assert.Equal(["data", "out", "val-data", "preset", "model", "image-size", "epochs"], listed[..7]);
        Assert.Equal(["cache-dir", "no-cache", "max-pixels", "threads"], listed[^4..]);
        Assert.Contains("device", listed[^7..]);
    }

    [Fact]
    public void Help_text_is_not_wrapped_when_written_to_a_file_or_pipe()
    {
        using var folder = TestData.NewTempFolder();

        var result = Cli.Run(folder.Path, "train", "--help");

        Assert.Matches(@"(?m)^\s+--preset <NAME>\s+default\s+default \(ImageNet ResNet18 fine-tuned, 128px\) or original \(the source recipe: ResNet50 from scratch, 224px, Adam 1e-3, 150 epochs\)\s*$", result.Stdout);
    }

    /// <summary>The &lt;Version&gt; of Directory.Build.props, which the package and every assembly carry.</summary>
    private static string PackageVersion()
    {
        string? folder = AppContext.BaseDirectory;
        while (folder != null && !File.Exists(Path.Combine(folder, "Directory.Build.props"))) folder = Path.GetDirectoryName(folder);
        return XDocument.Load(Path.Combine(folder!, "Directory.Build.props")).Descendants("Version").Single().Value;
    }
}
