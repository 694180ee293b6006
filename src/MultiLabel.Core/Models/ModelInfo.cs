using MultiLabel.Models.Export;
using MultiLabel.Onnx.Export;
using TorchSharp;
using static TorchSharp.torch.nn;

namespace MultiLabel.Models;

/// <summary>A network the registry can build: its name, defaults and factory.</summary>
/// <param name="Name">Registry name, e.g. <c>resnet18-imagenet</c>.</param>
/// <param name="Description">One line for <c>multilabel models</c>.</param>
/// <param name="DefaultImageSize">Side length of the square input it is meant for.</param>
/// <param name="Normalization">How pixels are normalised for it.</param>
/// <param name="Pretrained">True when its backbone starts from ImageNet weights.</param>
/// <param name="Create">Builds it for a <see cref="ModelRequest"/>; pretrained weights are loaded here when asked for.</param>
public sealed record ModelInfo(
    string Name,
    string Description,
    int DefaultImageSize,
    Normalization Normalization,
    bool Pretrained,
    Func<ModelRequest, MultiLabelNetwork> Create);

/// <summary>What to build: the head width, the input size, and whether to load pretrained weights (not needed when a trained model's weights follow).</summary>
/// <param name="LabelCount">Number of labels the head predicts.</param>
/// <param name="ImageSize">Side length of the square input.</param>
/// <param name="LoadPretrainedWeights">Load the backbone's ImageNet weights, for models that have them.</param>
public sealed record ModelRequest(int LabelCount, int ImageSize, bool LoadPretrainedWeights = true);

/// <summary>
/// A network whose last layer (the head) maps features to one logit per label; the rest is the
/// backbone. Splitting the two lets a recipe give them different learning rates or freeze the backbone.
/// </summary>
public abstract class MultiLabelNetwork(string name) : Module<torch.Tensor, torch.Tensor>(name), IExportable
{
    /// <summary>
    /// The forward pass as ONNX export steps, in the order forward runs the layers (<paramref name="path"/> is "" for
    /// the whole network). A network that does not override this cannot be exported: the error names its first
    /// inexpressible layer, or says the order is unknown.
    /// </summary>
    /// <exception cref="MultiLabel.Onnx.OnnxExportException">A layer cannot be expressed, or the order is unknown.</exception>
    public virtual IReadOnlyList<ExportStep> ExportSteps(string path) => throw LayerSteps.Unordered(this);

    /// <summary>The final layer producing one logit per label.</summary>
    public abstract Module Head { get; }

    /// <summary>Number of labels the head predicts.</summary>
    public abstract int LabelCount { get; }

    /// <summary>
    /// The input's activations at the output of the network's last convolutional stage, <c>[N, C, h, w]</c>: the
    /// layer Grad-CAM explains (see <see cref="Inference.Explainer"/>). <c>ForwardFromLastStage(ForwardToLastStage(x))</c>
    /// is <c>forward(x)</c>. Every registry network says where its stage ends; another network that does not cannot be
    /// explained (the rest of the library does not need it).
    /// </summary>
    /// <exception cref="NotSupportedException">The network does not say where its last convolutional stage ends.</exception>
    public virtual torch.Tensor ForwardToLastStage(torch.Tensor input) => throw NoLastStage();

    /// <summary>The rest of the network: from <see cref="ForwardToLastStage"/>'s activations to one logit per label, <c>[N, labels]</c>.</summary>
    /// <exception cref="NotSupportedException">The network does not say where its last convolutional stage ends.</exception>
    public virtual torch.Tensor ForwardFromLastStage(torch.Tensor activations) => throw NoLastStage();

    private NotSupportedException NoLastStage() =>
        new($"The {GetType().Name} network cannot be explained: it does not say where its last convolutional stage ends. " +
            $"Override {nameof(ForwardToLastStage)} and {nameof(ForwardFromLastStage)} to split it there.");

    /// <summary>Parameters of the head.</summary>
    public IEnumerable<TorchSharp.Modules.Parameter> HeadParameters() => Head.parameters();

    /// <summary>Parameters of everything but the head.</summary>
    public IEnumerable<TorchSharp.Modules.Parameter> BackboneParameters()
    {
        var head = new HashSet<TorchSharp.Modules.Parameter>(HeadParameters(), ReferenceEqualityComparer.Instance);
        return parameters().Where(p => !head.Contains(p));
    }
}
