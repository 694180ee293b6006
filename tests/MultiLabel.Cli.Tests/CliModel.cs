using MultiLabel.Tests;

namespace MultiLabel.Cli.Tests;

/// <summary>The one model the CLI tests share: the test bundle (see <see cref="TestBundle"/>), saved once.</summary>
public sealed class CliModel : IDisposable
{
    private readonly TempFolder folder = TestData.NewTempFolder();

    public CliModel()
    {
        Path = folder.Combine("model.mlpkg");
        Labels = TestBundle.Save(Path).Labels;
    }

    /// <summary>The model file.</summary>
    public string Path { get; }

    /// <summary>The folder holding it as <c>model.mlpkg</c>, as a training run's output folder does.</summary>
    public string RunFolder => System.IO.Path.GetDirectoryName(Path)!;

    public IReadOnlyList<string> Labels { get; }

    public void Dispose() => folder.Dispose();
}

[CollectionDefinition(Name)]
public sealed class CliModelCollection : ICollectionFixture<CliModel>
{
    public const string Name = "cli model";
}
