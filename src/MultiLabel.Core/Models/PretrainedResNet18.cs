using MultiLabel.Models.Architectures;
using MultiLabel.Onnx;
using MultiLabel.Onnx.Protobuf;
using static TorchSharp.torch;

namespace MultiLabel.Models;

/// <summary>
/// ResNet18 with ImageNet weights read from the ONNX file of Microsoft.ML.DnnImageFeaturizer.ResNet18: CNTK's
/// ResNet18 cut at its pooled 512 features, whose last stage has three blocks ([2,2,2,3]) instead of TorchVision's
/// two. The file expects BGR input minus the CNTK mean; the first convolution's input channels are reversed on
/// load so the network reads RGB normalised with <see cref="Normalization.CntkImageNet"/>. The head is new.
/// </summary>
/// <remarks>
/// The package's own preprocessing model (ResNetPreprocess.onnx) subtracts a 224×224 mean image, not a mean per
/// channel; <see cref="Normalization.CntkImageNet"/> holds that image's channel averages, which work at any input
/// size (on 224 px apparel photos the pooled features then differ from the mean-image ones by a cosine above 0.998).
/// The file pads its stem and strided layers asymmetrically ([3,3,2,2], [1,1,0,0]); the symmetric padding here gives
/// the same result whenever the input side is a multiple of 32.
/// </remarks>
public static class PretrainedResNet18
{
    /// <summary>Registry name of the network.</summary>
    public const string Name = "resnet18-imagenet";

    /// <summary>Blocks per stage of the network in the file.</summary>
    public static IReadOnlyList<int> Blocks { get; } = [2, 2, 2, 3];

    /// <summary>Where the build copies the package's <c>ResNet18.onnx</c>.</summary>
    public static string WeightsPath => Path.Combine(AppContext.BaseDirectory, "pretrained", "ResNet18.onnx");

    /// <summary>Builds the network with ImageNet weights in its backbone and a new head of <paramref name="labelCount"/> outputs.</summary>
    /// <exception cref="FileNotFoundException">The weights file is missing; the message names the path.</exception>
    /// <exception cref="InvalidDataException">The file is not the expected ResNet18; the message names the path and the first mismatch.</exception>
    public static ResNet Create(int labelCount) => Create(labelCount, WeightsPath);

    /// <summary>Builds the network with the ImageNet weights of the ONNX file at <paramref name="onnxPath"/> and a new head.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="onnxPath"/>; the message names it.</exception>
    /// <exception cref="InvalidDataException">The file is not the expected ResNet18; the message names it and the first mismatch.</exception>
    public static ResNet Create(int labelCount, string onnxPath)
    {
        var model = ReadWeights(onnxPath);
        var network = new ResNet(Name, Blocks, bottleneck: false, labelCount);
        try
        {
            LoadBackbone(network, model.Graph, onnxPath);
            return network;
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Copies the backbone weights of <paramref name="graph"/> into <paramref name="network"/> and reverses the
    /// input channels of its first convolution (the file's BGR order becomes RGB).
    /// </summary>
    /// <exception cref="InvalidDataException">The graph does not fit the network; the message names <paramref name="source"/>.</exception>
    public static OnnxResNetImport LoadBackbone(ResNet network, GraphProto graph, string source)
    {
        OnnxResNetImport import;
        try
        {
            import = OnnxResNetImporter.Import(network, graph);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"The ImageNet weights in '{source}' do not fit {network.GetName()}: {e.Message}.", e);
        }
        var conv1 = network.named_parameters().Single(p => p.name == "conv1.weight").parameter;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        // conv1.weight is [out, in, kh, kw]; reversing "in" makes the filter read R, G, B where it read B, G, R.
        conv1.copy_(conv1.flip(1));
        return import;
    }

    private static ModelProto ReadWeights(string onnxPath)
    {
        if (!File.Exists(onnxPath))
            throw new FileNotFoundException(
                $"The ImageNet weights of {Name} are missing: '{onnxPath}' does not exist. They come from the NuGet package " +
                "Microsoft.ML.DnnImageFeaturizer.ResNet18, whose ResNet18.onnx the build copies to pretrained/ next to the " +
                "program; rebuild the project (dotnet build) or copy that file there.", onnxPath);
        return OnnxModelFile.Read(onnxPath);
    }
}
