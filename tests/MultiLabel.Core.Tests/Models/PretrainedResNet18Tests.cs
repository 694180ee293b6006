using Microsoft.ML.OnnxRuntime;
using MultiLabel.Data;
using MultiLabel.Models;
using MultiLabel.Models.Architectures;
using MultiLabel.Onnx;
using TorchSharp;
using Xunit.Abstractions;

namespace MultiLabel.Tests.Models;

public class PretrainedResNet18Tests(ITestOutputHelper output)
{
    private static readonly string[] Folders = ["red_dress", "blue_shirt", "green_shoes", "black_pants"];

    [Fact]
    public void Backbone_features_equal_onnx_runtime_on_real_images()
    {
        const int size = 224;
        var images = Folders.Select(f => ImageDecoder.Decode(FirstImage(f), size, size)).ToArray();

        float[][] ours = TorchFeatures(images, size);
        float[][] theirs = OnnxRuntimeFeatures(images, size);

        double maxDifference = 0, largest = 0;
        for (int i = 0; i < images.Length; i++)
        {
            Assert.Equal(512, ours[i].Length);
            Assert.Equal(512, theirs[i].Length);
            for (int j = 0; j < 512; j++)
            {
                maxDifference = Math.Max(maxDifference, Math.Abs(ours[i][j] - theirs[i][j]));
                largest = Math.Max(largest, Math.Abs(theirs[i][j]));
            }
        }
        output.WriteLine($"max |TorchSharp - ONNX Runtime| = {maxDifference:E3} over {images.Length}×512 features (largest feature {largest:F3})");
        Assert.True(largest > 1, "the features should not be trivially small");
        Assert.True(maxDifference < 1e-4, $"features differ by up to {maxDifference:E3}");
    }

    [Fact]
    public void Every_initializer_is_used_once_and_fills_the_whole_backbone()
    {
        var model = OnnxModelFile.Read(PretrainedResNet18.WeightsPath);
        using var network = new ResNet("resnet18-imagenet", PretrainedResNet18.Blocks, bottleneck: false, labelCount: 4);

        var import = PretrainedResNet18.LoadBackbone(network, model.Graph, PretrainedResNet18.WeightsPath);

        Assert.Equal(110, model.Graph.Initializer.Count);
        Assert.Equal(110, import.Assignments.Count);
        Assert.Equal(
            model.Graph.Initializer.Select(t => t.Name).Order(),
            import.Assignments.Select(a => a.Initializer).Order());
        var backbone = network.named_parameters().Select(p => p.name)
            .Concat(network.named_buffers().Select(b => b.name))
            .Where(n => !n.StartsWith("fc.") && !n.EndsWith("num_batches_tracked"));
        Assert.Equal(backbone.Order(), import.Assignments.Select(a => a.Target).Order());
        Assert.Equal(("conv1.weight", "Parameter91"), (import.Assignments[0].Target, import.Assignments[0].Initializer));
        Assert.Equal("Input247", import.Input.Name);
        Assert.Equal("Pooling395_Output_0", import.Output.Name);
    }

    [Fact]
    public void A_missing_weights_file_fails_naming_the_path_and_the_package()
    {
        string path = Path.Combine(Path.GetTempPath(), "multilabel-tests", "absent", "ResNet18.onnx");

        var error = Assert.Throws<FileNotFoundException>(() => PretrainedResNet18.Create(3, path));

        Assert.Contains(path, error.Message);
        Assert.Contains("Microsoft.ML.DnnImageFeaturizer.ResNet18", error.Message);
    }

    [Fact]
    public void It_classifies_at_128_pixels_with_a_fresh_head()
    {
        using var network = PretrainedResNet18.Create(5);
        network.eval();
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();

        var logits = network.forward(torch.rand(2, 3, 128, 128) * 255 - 115);

        Assert.Equal([2L, 5], logits.shape);
        Assert.True(logits.isfinite().all().item<bool>());
    }

    private static float[][] TorchFeatures(DecodedImage[] images, int size)
    {
        using var network = PretrainedResNet18.Create(labelCount: 3);
        network.eval();
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var batch = torch.tensor(images.SelectMany(i => Normalize(i, bgr: false)).ToArray(), [images.Length, 3, size, size]);
        var features = network.Features(batch);
        return Enumerable.Range(0, images.Length).Select(i => features[i].data<float>().ToArray()).ToArray();
    }

    /// <summary>The packaged file run by ONNX Runtime on the input it expects: BGR, minus the per-channel mean.</summary>
    private static float[][] OnnxRuntimeFeatures(DecodedImage[] images, int size)
    {
        using var session = new InferenceSession(PretrainedResNet18.WeightsPath);
        using var options = new RunOptions();
        string input = Assert.Single(session.InputNames);
        string result = Assert.Single(session.OutputNames);
        return images.Select(image =>
        {
            using var value = OrtValue.CreateTensorValueFromMemory(Normalize(image, bgr: true), [1, 3, size, size]);
            using var outputs = session.Run(options, new Dictionary<string, OrtValue> { [input] = value }, [result]);
            return outputs[0].GetTensorDataAsSpan<float>().ToArray();
        }).ToArray();
    }

    /// <summary>Planar RGB bytes to <see cref="Normalization.CntkImageNet"/> input, channels in RGB or BGR order.</summary>
    private static float[] Normalize(DecodedImage image, bool bgr)
    {
        var n = Normalization.CntkImageNet;
        int plane = image.Width * image.Height;
        var values = new float[3 * plane];
        for (int c = 0; c < 3; c++)
        {
            int target = bgr ? 2 - c : c;
            for (int i = 0; i < plane; i++)
                values[target * plane + i] = (image.Pixels[c * plane + i] * n.Scale - n.Mean[c]) / n.Std[c];
        }
        return values;
    }

    private static string FirstImage(string folder) =>
        Directory.EnumerateFiles(Path.Combine(TestData.Apparel, folder)).Order(StringComparer.Ordinal).First();
}
