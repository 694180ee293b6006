using System.Diagnostics;
using MultiLabel.Data;
using MultiLabel.Data.Transforms;
using MultiLabel.Models;
using MultiLabel.Training;
using TorchSharp;

namespace MultiLabel.Bench;

internal static class Pipeline
{
    public static Dictionary<string, object> Run(Arguments a)
    {
        int size = a.Int("size", 128), batch = a.Int("batch", 16);
        // Measures what Learner.Fit does before each step: BatchLoader.Inputs with and without augmentation.
        var images = ImageSource.FromFolder(a.Required("data")).Images.Take(512).ToArray();
        var decoded = new ImageCache(a.Text("cache", ImageCache.DefaultDirectory)).Load(images, size, size);
        using var loader = new BatchLoader(Normalization.ImageNet, AugmentationOptions.Original, torch.CPU);
        using var plain = new BatchLoader(Normalization.ImageNet, null, torch.CPU);
        var random = new RandomSource(1);
        var idx = Enumerable.Range(0, batch).ToArray();
        for (int i = 0; i < 5; i++) loader.Inputs(decoded, idx, random).Dispose();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < 50; i++) loader.Inputs(decoded, idx, random).Dispose();
        double augmented = clock.Elapsed.TotalMilliseconds / 50;
        clock.Restart();
        for (int i = 0; i < 50; i++) plain.Inputs(decoded, idx).Dispose();
        double bare = clock.Elapsed.TotalMilliseconds / 50;
        return new() { ["ms_per_batch"] = augmented, ["ms_per_batch_without_augmentation"] = bare };
    }
}
