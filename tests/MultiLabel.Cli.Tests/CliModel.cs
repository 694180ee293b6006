using MultiLabel.Data;
using MultiLabel.Models;
using MultiLabel.Persistence;
using TorchSharp;

namespace MultiLabel.Cli.Tests;

/// <summary>
/// The one model the CLI tests share: an untrained, seeded SmallerVGGNet at 32 px over the 11 labels of
/// the apparel samples, saved as a real bundle with a hand-made manifest (training is tested elsewhere).
/// </summary>
public sealed class CliModel : IDisposable
{
    private readonly TempFolder folder = TestData.NewTempFolder();

    public CliModel()
    {
        Labels = LabelVocabulary.FromImages(ImageSource.FromFolder(TestData.Samples).Images).Labels;
        torch.random.manual_seed(7);
        using var network = ModelRegistry.Get("smallervggnet").Create(new ModelRequest(Labels.Count, 32, LoadPretrainedWeights: false));
        Path = folder.Combine("model.mlpkg");
        ModelBundle.Save(Path, new BundleManifest
        {
            Architecture = "smallervggnet",
            ImageSize = 32,
            Normalization = Normalization.UnitRange,
            Labels = Labels,
            Thresholds = Enumerable.Repeat(0.5f, Labels.Count).ToArray(),
        }, network);
    }

    public string Path { get; }

    public IReadOnlyList<string> Labels { get; }

    public void Dispose() => folder.Dispose();
}

[CollectionDefinition(Name)]
public sealed class CliModelCollection : ICollectionFixture<CliModel>
{
    public const string Name = "cli model";
}
