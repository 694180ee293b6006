using System.Text.Json;

namespace MultiLabel.Cli.Tests.Commands;

public class DatasetInspectCommandTests
{
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
        Assert.Equal(["images", "labels", "label_sets", "skipped"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, root.GetProperty("images").GetInt32());
        Assert.Equal(1, root.GetProperty("label_sets").GetProperty("black_pants").GetInt32());
        var skipped = Assert.Single(root.GetProperty("skipped").EnumerateArray());
        Assert.Equal(["path", "reason"], skipped.EnumerateObject().Select(p => p.Name));
    }
}
