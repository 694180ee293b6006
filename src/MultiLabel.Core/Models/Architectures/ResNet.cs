using MultiLabel.Models.Export;
using MultiLabel.Onnx.Export;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MultiLabel.Models.Architectures;

/// <summary>
/// ResNet with TorchVision's layout and parameter names (<c>conv1</c>, <c>bn1</c>, <c>layer1</c>…<c>layer4</c>,
/// <c>fc</c>), any number of blocks per stage, basic or bottleneck blocks; <c>fc</c> is the multi-label head.
/// </summary>
public sealed class ResNet : MultiLabelNetwork
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly MaxPool2d maxpool;
    private readonly Sequential layer1;
    private readonly Sequential layer2;
    private readonly Sequential layer3;
    private readonly Sequential layer4;
    private readonly AdaptiveAvgPool2d avgpool;
    private readonly Linear fc;

    /// <summary>Creates a ResNet with <paramref name="blocks"/> blocks in each of its four stages.</summary>
    public ResNet(string name, IReadOnlyList<int> blocks, bool bottleneck, int labelCount) : base(name)
    {
        if (blocks.Count != 4) throw new ArgumentException("A ResNet has four stages.", nameof(blocks));
        Blocks = blocks.ToArray();
        IsBottleneck = bottleneck;
        LabelCount = labelCount;
        conv1 = Conv2d(3, 64, 7, stride: 2, padding: 3, bias: false);
        bn1 = BatchNorm2d(64);
        maxpool = MaxPool2d(3, stride: 2, padding: 1);
        long channels = 64;
        layer1 = Stage(ref channels, 64, blocks[0], 1, bottleneck);
        layer2 = Stage(ref channels, 128, blocks[1], 2, bottleneck);
        layer3 = Stage(ref channels, 256, blocks[2], 2, bottleneck);
        layer4 = Stage(ref channels, 512, blocks[3], 2, bottleneck);
        FeatureCount = (int)channels;
        avgpool = AdaptiveAvgPool2d(1);
        fc = Linear(channels, labelCount);
        RegisterComponents();
        InitializeLikeTorchVision();
    }

    /// <summary>Blocks per stage, e.g. [2,2,2,2] for ResNet18.</summary>
    public IReadOnlyList<int> Blocks { get; }

    /// <summary>True when the stages use bottleneck blocks (ResNet50 and deeper).</summary>
    public bool IsBottleneck { get; }

    /// <summary>Width of the pooled feature vector the head reads.</summary>
    public int FeatureCount { get; }

    /// <inheritdoc/>
    public override int LabelCount { get; }

    /// <inheritdoc/>
    public override Module Head => fc;

    /// <summary>The pooled features, <c>[N, FeatureCount]</c>, before the head.</summary>
    public Tensor Features(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = maxpool.forward(bn1.forward(conv1.forward(input)).relu_());
        x = layer4.forward(layer3.forward(layer2.forward(layer1.forward(x))));
        return avgpool.forward(x).flatten(1).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        using var features = Features(input);
        return fc.forward(features);
    }

    /// <inheritdoc/>
    /// <remarks>The output of <c>layer4</c>, after its last block's ReLU.</remarks>
    public override Tensor ForwardToLastStage(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = maxpool.forward(bn1.forward(conv1.forward(input)).relu_());
        return layer4.forward(layer3.forward(layer2.forward(layer1.forward(x)))).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    /// <remarks>Global average pooling and <c>fc</c>.</remarks>
    public override Tensor ForwardFromLastStage(Tensor activations)
    {
        using var scope = NewDisposeScope();
        return fc.forward(avgpool.forward(activations).flatten(1)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    /// <remarks>The stem, the four stages, the pooling and the head, as <see cref="Features"/> and forward run them.</remarks>
    public override IReadOnlyList<ExportStep> ExportSteps(string path) =>
    [
        .. LayerSteps.Of(conv1, LayerSteps.Join(path, "conv1")),
        .. LayerSteps.Of(bn1, LayerSteps.Join(path, "bn1")),
        new ReluStep(LayerSteps.Join(path, "relu")),
        .. LayerSteps.Of(maxpool, LayerSteps.Join(path, "maxpool")),
        .. LayerSteps.Of(layer1, LayerSteps.Join(path, "layer1")),
        .. LayerSteps.Of(layer2, LayerSteps.Join(path, "layer2")),
        .. LayerSteps.Of(layer3, LayerSteps.Join(path, "layer3")),
        .. LayerSteps.Of(layer4, LayerSteps.Join(path, "layer4")),
        .. LayerSteps.Of(avgpool, LayerSteps.Join(path, "avgpool")),
        new FlattenStep(LayerSteps.Join(path, "flatten")),
        .. LayerSteps.Of(fc, LayerSteps.Join(path, "fc")),
    ];

    private static Sequential Stage(ref long channels, long planes, int count, long stride, bool bottleneck)
    {
        var blocks = new List<(string, Module<Tensor, Tensor>)>();
        for (int i = 0; i < count; i++)
        {
            blocks.Add((i.ToString(), new ResidualBlock(channels, planes, i == 0 ? stride : 1, bottleneck)));
            channels = planes * (bottleneck ? 4 : 1);
        }
        return Sequential(blocks);
    }

    /// <summary>Kaiming-normal convolutions (fan out, ReLU), unit batch-norm scales, as TorchVision initialises.</summary>
    private void InitializeLikeTorchVision()
    {
        using var noGrad = torch.no_grad();
        foreach (var module in modules())
        {
            switch (module)
            {
                case Conv2d conv:
                    init.kaiming_normal_(conv.weight, mode: init.FanInOut.FanOut, nonlinearity: init.NonlinearityType.ReLU);
                    break;
                case BatchNorm2d norm:
                    init.ones_(norm.weight);
                    init.zeros_(norm.bias);
                    break;
            }
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            conv1.Dispose(); bn1.Dispose(); maxpool.Dispose();
            layer1.Dispose(); layer2.Dispose(); layer3.Dispose(); layer4.Dispose();
            avgpool.Dispose(); fc.Dispose();
        }
        base.Dispose(disposing);
    }
}
