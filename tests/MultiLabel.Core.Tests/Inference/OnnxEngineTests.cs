using MultiLabel.Inference;
using MultiLabel.Models;
using MultiLabel.Persistence;
using MultiLabel.Tests.Onnx;
using Xunit.Abstractions;

namespace MultiLabel.Tests.Inference;

public class OnnxEngineTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-4;

    [Theory]
    [InlineData("resnet18", 32, true)]
    [InlineData("resnet34", 32, true)]
    [InlineData("resnet50", 32, true)]
    [InlineData("smallervggnet", 24, true)]
    [InlineData("smallervggnet", 24, false)]
    public void Onnx_runtime_gives_torchsharps_probabilities_on_real_images(string architecture, int size, bool negativeScales)
    {
        var manifest = ExportFixtures.Manifest(architecture, size);
        var network = ExportFixtures.Network(architecture, size, seed: 7, negativeScales);

        AssertParity($"{architecture} {size}px{(negativeScales ? "" : " (positive γ)")}", network, manifest);
    }

    [Fact]
    public void Pretrained_resnet18_at_128_pixels_matches_too()
    {
        var manifest = ExportFixtures.Manifest(PretrainedResNet18.Name, 128);
        TorchSharp.torch.manual_seed(3);
        var network = PretrainedResNet18.Create(ExportFixtures.Labels.Length);
        network.eval();

        AssertParity("resnet18-imagenet 128px (pretrained)", network, manifest);
    }

    /// <summary>Both ONNX inputs (the in-memory planar one and the file's NHWC one) against TorchSharp; takes <paramref name="network"/>.</summary>
    private void AssertParity(string what, MultiLabelNetwork network, BundleManifest manifest)
    {
        byte[] pixels = ExportFixtures.Batch(manifest.ImageSize);
        int count = pixels.Length / (3 * manifest.ImageSize * manifest.ImageSize);
        using var planar = OnnxEngine.Create(network, manifest, threads: 1);
        using var interleaved = new OnnxEngine(ModelExport.ToBytes(network, manifest), manifest, threads: 1);
        using var torchEngine = new TorchEngine(network, manifest, TorchSharp.torch.CPU);

        float[] expected = torchEngine.Predict(pixels, count);
        float[] fromPlanar = planar.Predict(pixels, count);
        float[] fromFile = interleaved.Predict(pixels, count);

        Assert.True(planar.PlanarInput);
        Assert.False(interleaved.PlanarInput);
        double planarDiff = MaxDifference(expected, fromPlanar), fileDiff = MaxDifference(expected, fromFile);
        int undecided = expected.Count(p => p is > 0.02f and < 0.98f);
        output.WriteLine($"{what}: max |torch − onnx| = {planarDiff:E2} (planar), {fileDiff:E2} (NHWC file); " +
                         $"{undecided}/{expected.Length} probabilities in (0.02, 0.98), range {expected.Min():F3}–{expected.Max():F3}");
        Assert.True(undecided >= expected.Length / 4, "the probabilities are saturated, so they would agree whatever the graph did");
        Assert.True(planarDiff < Tolerance, $"planar ONNX differs from TorchSharp by {planarDiff:E2}");
        Assert.True(fileDiff < Tolerance, $"the exported file differs from TorchSharp by {fileDiff:E2}");
    }

    private static double MaxDifference(float[] a, float[] b)
    {
        Assert.Equal(a.Length, b.Length);
        return a.Zip(b, (x, y) => Math.Abs((double)x - y)).Max();
    }
}
