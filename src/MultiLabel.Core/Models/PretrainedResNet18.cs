using MultiLabel.Models.Architectures;

namespace MultiLabel.Models;

/// <summary>ResNet18 with ImageNet weights read from the ONNX file of Microsoft.ML.DnnImageFeaturizer.ResNet18.</summary>
public static class PretrainedResNet18
{
    /// <summary>Where the build copies the package's <c>ResNet18.onnx</c>.</summary>
    public static string WeightsPath => Path.Combine(AppContext.BaseDirectory, "pretrained", "ResNet18.onnx");

    /// <summary>Builds the network with ImageNet weights in its backbone and a new head of <paramref name="labelCount"/> outputs.</summary>
    public static ResNet Create(int labelCount) =>
        throw new NotImplementedException("resnet18-imagenet is not wired up yet.");
}
