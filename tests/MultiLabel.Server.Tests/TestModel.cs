using MultiLabel.Data;
using MultiLabel.Models;
using MultiLabel.Native;
using MultiLabel.Persistence;
using TorchSharp;

namespace MultiLabel.Tests;

/// <summary>
/// The test bundle (<see cref="TestBundle"/>) as a resnet18 at 64 px (its last stage 2×2, so heat maps have a shape) with a
/// different threshold per label and a few metrics, saved once per test run: the server loads it like a trained one, without any training.
/// </summary>
internal static class TestModel
{
    public const int ImageSize = 64;

    private static readonly Lazy<string> Bundle = new(Build);

    /// <summary>The sample folders' labels (black_dress → black, dress), in vocabulary order.</summary>
    public static IReadOnlyList<string> Labels => TestBundle.Labels;

    /// <summary>The bundle's path (built on first use, deleted when the test run ends).</summary>
    public static string BundlePath => Bundle.Value;

    /// <summary>A different threshold per label, so tests can tell the model's thresholds from a uniform one.</summary>
    public static float Threshold(int label) => 0.40f + 0.01f * label;

    /// <summary>The first <paramref name="count"/> sample images, each from another folder.</summary>
    public static string[] SampleImages(int count) =>
        Directory.GetDirectories(TestData.Samples).Order(StringComparer.Ordinal)
            .Select(d => Directory.GetFiles(d).Order(StringComparer.Ordinal).First()).Take(count).ToArray();

    private static string Build()
    {
        string folder = Path.Combine(Path.GetTempPath(), "multilabel-tests", "server-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        };
        string path = Path.Combine(folder, "model.mlpkg");
        TestBundle.Save(path, "resnet18", Labels.Select((_, i) => Threshold(i)).ToArray(),
            new Dictionary<string, double> { ["val_macro_f1"] = 0.25, ["val_loss"] = 0.69 }, ImageSize);
        return path;
    }
}
