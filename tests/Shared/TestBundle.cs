// Shared by every test project (linked from each .csproj): the one way tests make a model bundle.
using MultiLabel.Data;
using MultiLabel.Models;
using MultiLabel.Native;
using MultiLabel.Persistence;
using TorchSharp;

namespace MultiLabel.Tests;

/// <summary>
/// Real model bundles for tests that need one but are not about training: an untrained network of a registry
/// architecture at 32 px over the 11 labels of samples/apparel-mini, its weights drawn from a fixed seed (so its
/// scores are stable), saved with a manifest made by <see cref="BundleManifest.For"/>. Building one takes well under a second.
/// </summary>
internal static class TestBundle
{
    public const int ImageSize = 32;

    /// <summary>The sample folders' labels (black_dress → black, dress), in vocabulary order.</summary>
    public static IReadOnlyList<string> Labels { get; } =
        new LabelVocabulary(Directory.GetDirectories(TestData.Samples).SelectMany(d => Path.GetFileName(d).Split('_'))).Labels;

    /// <summary>The manifest of an untrained <paramref name="architecture"/> at 32 px over <paramref name="labels"/>, thresholds 0.5 unless given.</summary>
    public static BundleManifest Manifest(IReadOnlyList<string> labels, string architecture = "smallervggnet", IReadOnlyList<float>? thresholds = null,
        int imageSize = ImageSize) =>
        BundleManifest.For(architecture, imageSize, labels, thresholds: thresholds);

    /// <summary>
    /// Saves an untrained, seeded <paramref name="architecture"/> over <see cref="Labels"/> to <paramref name="path"/> (at
    /// <paramref name="imageSize"/> px, 32 unless given); returns its manifest.
    /// </summary>
    public static BundleManifest Save(string path, string architecture = "smallervggnet", IReadOnlyList<float>? thresholds = null,
        IReadOnlyDictionary<string, double>? metrics = null, int imageSize = ImageSize)
    {
        TorchRuntime.EnsureLoaded();
        var manifest = Manifest(Labels, architecture, thresholds, imageSize) with { Metrics = metrics ?? new Dictionary<string, double>() };
        torch.random.manual_seed(7);
        using var network = ModelRegistry.Get(architecture).Create(new ModelRequest(Labels.Count, imageSize, LoadPretrainedWeights: false));
        ModelBundle.Save(path, manifest, network);
        return manifest;
    }
}
