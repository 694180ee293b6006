using MultiLabel.Data;
using MultiLabel.Models;
using MultiLabel.Persistence;
using TorchSharp;

namespace MultiLabel.Tests;

/// <summary>
/// One small real model bundle shared by the tests that need one: an untrained SmallerVGGNet at 32 px
/// over the 11 labels of the apparel samples (seeded, so its scores are stable), saved with a hand-made
/// manifest. Building it takes well under a second; training is not what these tests are about.
/// </summary>
public sealed class TestModel : IDisposable
{
    public const int ImageSize = 32;

    private readonly TempFolder folder = TestData.NewTempFolder();

    public TestModel()
    {
        var labels = LabelVocabulary.FromImages(ImageSource.FromFolder(TestData.Samples).Images).Labels;
        torch.random.manual_seed(7);
        using var network = ModelRegistry.Get("smallervggnet").Create(new ModelRequest(labels.Count, ImageSize, LoadPretrainedWeights: false));
        Manifest = ManifestFor(labels);
        Path = folder.Combine("model.mlpkg");
        ModelBundle.Save(Path, Manifest, network);
    }

    /// <summary>The bundle file.</summary>
    public string Path { get; }

    public BundleManifest Manifest { get; }

    public IReadOnlyList<string> Labels => Manifest.Labels;

    /// <summary>A manifest for an untrained SmallerVGGNet at 32 px over <paramref name="labels"/>, every threshold 0.5.</summary>
    public static BundleManifest ManifestFor(IReadOnlyList<string> labels) => new()
    {
        Architecture = "smallervggnet",
        ImageSize = ImageSize,
        Normalization = Normalization.UnitRange,
        Labels = labels,
        Thresholds = Enumerable.Repeat(0.5f, labels.Count).ToArray(),
    };

    public void Dispose() => folder.Dispose();
}

[CollectionDefinition(Name)]
public sealed class TestModelCollection : ICollectionFixture<TestModel>
{
    public const string Name = "test model";
}
