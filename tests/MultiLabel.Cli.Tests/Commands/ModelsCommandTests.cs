using System.Text.Json;
using MultiLabel.Models;

namespace MultiLabel.Cli.Tests.Commands;

public class ModelsCommandTests
{
    [Fact]
    public void Lists_every_registered_network_with_its_size_and_whether_it_is_pretrained()
    {
        using var folder = TestData.NewTempFolder();

        var table = Cli.Run(folder.Path, "models");
        var json = Cli.Run(folder.Path, "models", "--json");

        Assert.True(table.ExitCode == 0, table.ToString());
        foreach (var info in ModelRegistry.All)
            Assert.Matches($@"│ {info.Name}\s+│\s+{info.DefaultImageSize} px │ {(info.Pretrained ? "yes" : "no")}\s+│", table.Stdout);
        var root = JsonDocument.Parse(json.Stdout).RootElement;
        JsonStyle.AssertSnakeCase(root);
        var listed = root.EnumerateArray().ToArray();
        Assert.Equal(["name", "default_image_size", "pretrained", "description"], listed[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(ModelRegistry.All.Select(m => m.Name), listed.Select(m => m.GetProperty("name").GetString()));
        Assert.Equal(ModelRegistry.All.Select(m => m.Pretrained), listed.Select(m => m.GetProperty("pretrained").GetBoolean()));
    }
}
