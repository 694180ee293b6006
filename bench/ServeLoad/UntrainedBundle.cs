using MultiLabel.Data;
using MultiLabel.Models;
using MultiLabel.Native;
using MultiLabel.Persistence;
using TorchSharp;

namespace MultiLabel.Bench;

/// <summary>An untrained registry network saved as a real bundle: the serving cost of a trained one, without training.</summary>
internal static class UntrainedBundle
{
    public static int Write(string output, string architecture, int size, string samples)
    {
        TorchRuntime.EnsureLoaded();
        torch.manual_seed(1);
        var labels = new LabelVocabulary(Directory.GetDirectories(samples).SelectMany(d => Path.GetFileName(d).Split('_'))).Labels;
        var info = ModelRegistry.Get(architecture);
        using var network = info.Create(new ModelRequest(labels.Count, size, LoadPretrainedWeights: false));
        ModelBundle.Save(output, BundleManifest.For(info.Name, size, labels), network);
        Console.WriteLine($"bundle={output} architecture={info.Name} size={size} labels={labels.Count}");
        return 0;
    }
}
