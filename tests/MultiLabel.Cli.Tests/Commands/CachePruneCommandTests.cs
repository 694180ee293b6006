using System.Text.Json;

namespace MultiLabel.Cli.Tests.Commands;

public class CachePruneCommandTests
{
    [Fact]
    public void Removes_the_entries_of_deleted_images_and_reports_what_it_freed()
    {
        using var folder = TestData.NewTempFolder();
        folder.CopyImages(TestData.Samples, "data", 2, "black_dress", "blue_shirt");
        var inspect = Cli.Run(folder.Path, "dataset", "inspect", "data", "--image-size", "32");
        Assert.True(inspect.ExitCode == 0, inspect.ToString());
        Directory.Delete(folder.Combine("data"), recursive: true);

        var result = Cli.Run(folder.Path, "cache", "prune", "--json");
        var again = Cli.Run(folder.Path, "cache", "prune");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        JsonStyle.AssertSnakeCase(json);
        Assert.Equal(1, json.GetProperty("removed_datasets").GetInt32());
        Assert.True(json.GetProperty("freed_bytes").GetInt64() >= 4 * 3 * 32 * 32);
        Assert.Equal(0, json.GetProperty("remaining_bytes").GetInt64());
        Assert.Matches(@"removed 0 files \(0 MB\), compacted 0, removed 0 whole datasets; the cache holds 0 MB\.", again.Stdout);
    }
}
