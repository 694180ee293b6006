using MultiLabel.Models.Export;
using MultiLabel.Onnx.Export;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MultiLabel.Models.Architectures;

/// <summary>
/// The small VGG-style network of the well-known Keras multi-label tutorial (96×96 input):
/// conv32–pool3–conv64×2–pool2–conv128×2–pool2, each convolution followed by ReLU and batch norm,
/// dropout after each pool, then dense 1024 (ReLU, batch norm, dropout 0.5) and the label head.
/// Batch norm uses Keras' momentum 0.99 and epsilon 1e-3.
/// </summary>
public sealed class SmallerVggNet : MultiLabelNetwork
{
    private readonly Sequential features;
    private readonly Sequential classifier;
    private readonly Linear head;

    /// <summary>Creates the network for square inputs of <paramref name="imageSize"/> pixels.</summary>
    public SmallerVggNet(int imageSize, int labelCount) : base("SmallerVGGNet")
    {
        if (imageSize < 12) throw new ArgumentOutOfRangeException(nameof(imageSize), imageSize, "SmallerVGGNet needs inputs of at least 12×12 pixels.");
        LabelCount = labelCount;
        features = Sequential(
            ("conv1", Conv2d(3, 32, 3, padding: 1)), ("relu1", ReLU()), ("bn1", Norm(32)), ("pool1", MaxPool2d(3)), ("drop1", Dropout(0.25)),
            ("conv2", Conv2d(32, 64, 3, padding: 1)), ("relu2", ReLU()), ("bn2", Norm(64)),
            ("conv3", Conv2d(64, 64, 3, padding: 1)), ("relu3", ReLU()), ("bn3", Norm(64)), ("pool2", MaxPool2d(2)), ("drop2", Dropout(0.25)),
            ("conv4", Conv2d(64, 128, 3, padding: 1)), ("relu4", ReLU()), ("bn4", Norm(128)),
            ("conv5", Conv2d(128, 128, 3, padding: 1)), ("relu5", ReLU()), ("bn5", Norm(128)), ("pool3", MaxPool2d(2)), ("drop3", Dropout(0.25)),
            ("flatten", Flatten()));
        long side = imageSize / 3 / 2 / 2;
        classifier = Sequential(
            ("dense", Linear(128 * side * side, 1024)), ("relu", ReLU()),
            ("bn", BatchNorm1d(1024, eps: 1e-3, momentum: 0.01)), ("drop", Dropout(0.5)));
        head = Linear(1024, labelCount);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override int LabelCount { get; }

    /// <inheritdoc/>
    public override Module Head => head;

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return head.forward(classifier.forward(features.forward(input))).MoveToOuterDisposeScope();
    }

    /// <summary>The layer of <c>features</c> whose output <see cref="ForwardToLastStage"/> returns.</summary>
    private const string LastStageEnd = "relu5";

    /// <inheritdoc/>
    /// <remarks>
    /// The last convolution's ReLU output, before its batch norm and pooling. Grad-CAM reads activations as evidence
    /// (0 = nothing found), which holds for a ReLU's output but not after this network's batch norm (Keras' order puts it
    /// after the ReLU, centring every channel on its mean, so the background would count as negative evidence). Before the
    /// pooling the map is 16×16 at 96 px rather than 8×8, so heat maps resolve twice as finely.
    /// </remarks>
    public override Tensor ForwardToLastStage(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = input;
        foreach (var (name, layer) in features.named_children())
        {
            x = ((Module<Tensor, Tensor>)layer).forward(x);
            if (name == LastStageEnd) break;
        }
        return x.MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    /// <remarks>The last block's batch norm, pooling, dropout and flattening, then the dense layers and the head.</remarks>
    public override Tensor ForwardFromLastStage(Tensor activations)
    {
        using var scope = NewDisposeScope();
        var x = activations;
        foreach (var (_, layer) in features.named_children().SkipWhile(c => c.name != LastStageEnd).Skip(1))
            x = ((Module<Tensor, Tensor>)layer).forward(x);
        return head.forward(classifier.forward(x)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    /// <remarks>Forward is <c>head(classifier(features(x)))</c>: its children in registration order.</remarks>
    public override IReadOnlyList<ExportStep> ExportSteps(string path) => LayerSteps.Children(this, path);

    private static BatchNorm2d Norm(long channels) => BatchNorm2d(channels, eps: 1e-3, momentum: 0.01);

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            features.Dispose(); classifier.Dispose(); head.Dispose();
        }
        base.Dispose(disposing);
    }
}
