using MultiLabel.Persistence;

namespace MultiLabel.Tests;

/// <summary>The test bundle (see <see cref="TestBundle"/>: an untrained SmallerVGGNet at 32 px, thresholds 0.5), saved once for a test collection.</summary>
public sealed class TestModel : IDisposable
{
    public const int ImageSize = TestBundle.ImageSize;

    private readonly TempFolder folder = TestData.NewTempFolder();

    public TestModel()
    {
        Path = folder.Combine("model.mlpkg");
        Manifest = TestBundle.Save(Path);
    }

    /// <summary>The bundle file.</summary>
    public string Path { get; }

    public BundleManifest Manifest { get; }

    public IReadOnlyList<string> Labels => Manifest.Labels;

    /// <summary>A manifest for an untrained SmallerVGGNet at 32 px over <paramref name="labels"/>, every threshold 0.5.</summary>
    public static BundleManifest ManifestFor(IReadOnlyList<string> labels) => TestBundle.Manifest(labels);

    public void Dispose() => folder.Dispose();
}

[CollectionDefinition(Name)]
public sealed class TestModelCollection : ICollectionFixture<TestModel>
{
    public const string Name = "test model";
}
