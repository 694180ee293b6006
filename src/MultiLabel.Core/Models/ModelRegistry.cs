using MultiLabel.Models.Architectures;

namespace MultiLabel.Models;

/// <summary>The networks a recipe can name (<see cref="Training.TrainingOptions.Model"/>), by name.</summary>
public static class ModelRegistry
{
    private static readonly ModelInfo[] Models =
    [
        new("resnet18-imagenet",
            "ResNet18 (stages 2,2,2,3) with ImageNet weights from Microsoft.ML.DnnImageFeaturizer.ResNet18, new head; fine-tuned",
            128, Normalization.CntkImageNet, Pretrained: true,
            r => r.LoadPretrainedWeights
                ? PretrainedResNet18.Create(r.LabelCount)
                : new ResNet("resnet18-imagenet", [2, 2, 2, 3], bottleneck: false, r.LabelCount)),
        new("resnet18", "ResNet18 (TorchVision layout), from scratch", 224, Normalization.ImageNet, Pretrained: false,
            r => new ResNet("resnet18", [2, 2, 2, 2], bottleneck: false, r.LabelCount)),
        new("resnet34", "ResNet34 (TorchVision layout), from scratch", 224, Normalization.ImageNet, Pretrained: false,
            r => new ResNet("resnet34", [3, 4, 6, 3], bottleneck: false, r.LabelCount)),
        new("resnet50", "ResNet50 (TorchVision layout, bottleneck blocks), from scratch", 224, Normalization.ImageNet, Pretrained: false,
            r => new ResNet("resnet50", [3, 4, 6, 3], bottleneck: true, r.LabelCount)),
        new("smallervggnet", "SmallerVGGNet of the Keras multi-label tutorial, from scratch", 96, Normalization.UnitRange, Pretrained: false,
            r => new SmallerVggNet(r.ImageSize, r.LabelCount)),
    ];

    /// <summary>Every registered network, in listing order.</summary>
    public static IReadOnlyList<ModelInfo> All => Models;

    /// <summary>The registered names, comma-separated, for messages.</summary>
    public static string Names => string.Join(", ", Models.Select(m => m.Name));

    /// <summary>The network called <paramref name="name"/> (case-insensitive), if there is one.</summary>
    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ModelInfo? info)
    {
        info = Models.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
        return info != null;
    }

    /// <summary>The network called <paramref name="name"/>; an unknown name fails with the list of known ones.</summary>
    public static ModelInfo Get(string name) =>
        TryGet(name, out var info) ? info : throw new KeyNotFoundException($"Unknown model '{name}'. Known models: {Names}.");
}
