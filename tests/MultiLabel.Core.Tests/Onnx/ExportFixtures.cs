using MultiLabel.Data;
using MultiLabel.Models;
using MultiLabel.Persistence;
using TorchSharp;
using TorchSharp.Modules;

namespace MultiLabel.Tests.Onnx;

/// <summary>Networks with batch norms that really normalise, their manifests, and real decoded images.</summary>
internal static class ExportFixtures
{
    public static readonly string[] Labels = ["black", "blue", "dress", "green", "pants", "red", "shirt", "shoes", "shorts", "white"];

    private static readonly string[] Folders = ["red_dress", "blue_shirt", "green_shoes", "black_pants", "white_shorts", "blue_dress"];

    /// <summary>A registry network in evaluation mode, random weights, every batch norm given random running statistics and affine parameters.</summary>
    public static MultiLabelNetwork Network(string architecture, int size, int seed, bool negativeScales = true)
    {
        torch.manual_seed(seed);
        var network = ModelRegistry.Get(architecture).Create(new ModelRequest(Labels.Length, size, LoadPretrainedWeights: false));
        RandomizeBatchNorms(network, negativeScales);
        network.eval();
        return network;
    }

    /// <summary>
    /// Running means N(0, 0.3²), variances U(0.5, 2), γ U(0.6, 1.4) (with <paramref name="negativeScales"/>, one channel
    /// in four negated), β N(0, 0.2²): folding that ignored any of them would show.
    /// </summary>
    public static void RandomizeBatchNorms(MultiLabelNetwork network, bool negativeScales)
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        foreach (var norm in network.modules().OfType<BatchNorm>())
        {
            long c = norm.num_features;
            norm.running_mean!.copy_(torch.randn(c) * 0.3);
            norm.running_var!.copy_(torch.rand(c) * 1.5 + 0.5);
            var gamma = torch.rand(c) * 0.8 + 0.6;
            if (negativeScales) gamma = gamma * torch.where(torch.rand(c) < 0.25, -1f, 1f);
            norm.weight!.copy_(gamma);
            norm.bias!.copy_(torch.randn(c) * 0.2);
        }
    }

    public static BundleManifest Manifest(string architecture, int size) =>
        BundleManifest.For(architecture, size, Labels, thresholds: [0.5f, 0.25f, 0.5f, 0.75f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.4f]);

    public static string[] ImagePaths() =>
        Folders.Select(f => Directory.EnumerateFiles(Path.Combine(TestData.Apparel, f)).Order(StringComparer.Ordinal).First()).ToArray();

    /// <summary>The test images decoded at <paramref name="size"/>, back to back as one planar <c>[N, 3, size, size]</c> batch.</summary>
    public static byte[] Batch(int size) =>
        ImagePaths().SelectMany(p => ImageDecoder.Decode(p, size, size).Pixels).ToArray();
}
