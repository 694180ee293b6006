namespace MultiLabel.Tests.Examples;

public class LibraryExampleTests
{
    [Fact]
    public void The_example_trains_saves_loads_and_predicts()
    {
        using var folder = TestData.NewTempFolder();
        string data = folder.CopyImages(TestData.Samples, "data", 4, "black_dress", "black_shoes", "blue_shirt", "blue_shoes", "red_dress", "red_shoes");
        string[] images = [TestData.BadInput("black_dress/ok_1.jpg"), TestData.BadInput("black_pants/text_a.jpg")];

        var predictions = LibraryExample.Run(data, folder.Combine("run"), images);

        Assert.True(File.Exists(folder.Combine("run", "model.mlpkg")));
        Assert.Equal(images, predictions.Select(p => p.Source));
        Assert.False(predictions[0].Failed);
        Assert.InRange(predictions[0].Labels.Count, 0, 3);
        Assert.Equal(["black", "blue", "dress", "red", "shirt", "shoes"], predictions[0].Scores.Keys.Order());
        Assert.True(predictions[1].Failed);
    }

    [Fact]
    public void The_documentation_quotes_the_example_exactly()
    {
        string source = File.ReadAllText(Path.Combine(TestData.RepoRoot, "tests", "MultiLabel.Core.Tests", "Examples", "LibraryExample.cs")).ReplaceLineEndings("\n");
        string page = File.ReadAllText(Path.Combine(TestData.RepoRoot, "README.md")).ReplaceLineEndings("\n");

        string example = Between(source, "// <library-example>\n", "// </library-example>");
        string quoted = Between(page, "```csharp\n", "```");

        Assert.Equal(example, quoted);
    }

    private static string Between(string text, string start, string end)
    {
        int from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start.Trim()}' not found");
        from += start.Length;
        int to = text.IndexOf(end, from, StringComparison.Ordinal);
        Assert.True(to >= 0, $"'{end.Trim()}' not found");
        return text[from..to];
    }
}
