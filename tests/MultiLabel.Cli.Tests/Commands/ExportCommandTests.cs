using System.Text.Json;

namespace MultiLabel.Cli.Tests.Commands;

[Collection(CliModelCollection.Name)]
public class ExportCommandTests(CliModel model)
{
    [Fact]
    public void Json_describes_the_written_file_and_its_input_and_output()
    {
        using var folder = TestData.NewTempFolder();

        var result = Cli.Run(folder.Path, "export", "--model", model.RunFolder, "--onnx", "model.onnx", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        JsonStyle.AssertSnakeCase(root);
        Assert.Equal(["onnx", "bytes", "opset", "input", "output", "architecture", "labels"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(folder.Combine("model.onnx"), root.GetProperty("onnx").GetString());
        Assert.Equal(new FileInfo(folder.Combine("model.onnx")).Length, root.GetProperty("bytes").GetInt64());
        Assert.Equal("""{"name":"pixels","type":"uint8","shape":["batch",32,32,3]}""", root.GetProperty("input").GetRawText().Replace(" ", "").Replace("\n", ""));
    }
}
