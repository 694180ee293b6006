using MultiLabel.Models.Export;
using MultiLabel.Onnx.Export;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MultiLabel.Models.Architectures;

/// <summary>
/// A ResNet block, laid out as TorchVision's: the basic block (two 3×3 convolutions) or the
/// bottleneck (1×1, 3×3 with the stride, 1×1 widening by four), each convolution followed by batch
/// norm, a projection shortcut when the shape changes, ReLU after the residual add.
/// </summary>
public sealed class ResidualBlock : Module<Tensor, Tensor>, IExportable
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly Conv2d? conv3;
    private readonly BatchNorm2d? bn3;
    private readonly Sequential? downsample;
    private readonly long stride;

    /// <summary>Creates a block taking <paramref name="inChannels"/> to <paramref name="planes"/> × expansion channels.</summary>
    public ResidualBlock(long inChannels, long planes, long stride, bool bottleneck) : base(bottleneck ? "Bottleneck" : "BasicBlock")
    {
        Bottleneck = bottleneck;
        long outChannels = planes * (bottleneck ? 4 : 1);
        if (bottleneck)
        {
            conv1 = Conv2d(inChannels, planes, 1, bias: false);
            bn1 = BatchNorm2d(planes);
            conv2 = Conv2d(planes, planes, 3, stride: stride, padding: 1, bias: false);
            bn2 = BatchNorm2d(planes);
            conv3 = Conv2d(planes, outChannels, 1, bias: false);
            bn3 = BatchNorm2d(outChannels);
        }
        else
        {
            conv1 = Conv2d(inChannels, planes, 3, stride: stride, padding: 1, bias: false);
            bn1 = BatchNorm2d(planes);
            conv2 = Conv2d(planes, planes, 3, padding: 1, bias: false);
            bn2 = BatchNorm2d(planes);
        }
        this.stride = stride;
        if (stride != 1 || inChannels != outChannels)
            downsample = Sequential(Conv2d(inChannels, outChannels, 1, stride: stride, bias: false), BatchNorm2d(outChannels));
        RegisterComponents();
    }

    /// <summary>True for the three-convolution bottleneck, false for the basic block.</summary>
    public bool Bottleneck { get; }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        // ReLU in place, as TorchVision's blocks do: batch norm's backward needs its input, not its output, so
        // overwriting the output saves one activation per ReLU (about 100 MB for resnet18 at 128 px, batch 32).
        var x = bn1.forward(conv1.forward(input)).relu_();
        x = bn2.forward(conv2.forward(x));
        if (conv3 != null) x = bn3!.forward(conv3.forward(x.relu_()));
        var identity = downsample != null ? ((BatchNorm2d)downsample[1]).forward(Project((Conv2d)downsample[0], input)) : input;
        return x.add_(identity).relu_().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// TorchVision's block as steps: conv-bn-relu, conv-bn (relu, conv-bn when bottleneck) plus the shortcut, then ReLU.
    /// The shortcut is written as the strided 1×1 convolution it is (see <see cref="Project"/>).
    /// </summary>
    public IReadOnlyList<ExportStep> ExportSteps(string path)
    {
        string At(string name) => LayerSteps.Join(path, name);
        var main = new List<ExportStep>();
        main.AddRange(LayerSteps.Of(conv1, At("conv1")));
        main.AddRange(LayerSteps.Of(bn1, At("bn1")));
        main.Add(new ReluStep(At("relu1")));
        main.AddRange(LayerSteps.Of(conv2, At("conv2")));
        main.AddRange(LayerSteps.Of(bn2, At("bn2")));
        if (conv3 != null)
        {
            main.Add(new ReluStep(At("relu2")));
            main.AddRange(LayerSteps.Of(conv3, At("conv3")));
            main.AddRange(LayerSteps.Of(bn3!, At("bn3")));
        }
        var shortcut = downsample != null ? LayerSteps.Of(downsample, At("downsample")) : [];
        return [new ResidualStep(path, main, shortcut), new ReluStep(At("relu"))];
    }

    /// <summary>
    /// The 1×1 projection shortcut. A strided 1×1 convolution only reads every stride-th pixel, so it
    /// is computed as that subsample followed by a stride-1 convolution with the same weights — the
    /// same result. libtorch 2.10 on the CPU crashes (integer division by zero) computing the input
    /// gradient of a strided 1×1 convolution from 512 or more channels, which ResNet50's shortcuts are.
    /// </summary>
    /// <remarks>
    /// The convolution is reached through <c>downsample</c>, not kept in a field of its own: every module field is
    /// registered, so a second reference would put the same weights in the state dict twice, under a second name.
    /// </remarks>
    private Tensor Project(Conv2d projection, Tensor input)
    {
        if (stride == 1) return projection.forward(input);
        var every = TensorIndex.Slice(null, null, stride);
        return nn.functional.conv2d(input[TensorIndex.Colon, TensorIndex.Colon, every, every], projection.weight);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            conv1.Dispose(); bn1.Dispose(); conv2.Dispose(); bn2.Dispose();
            conv3?.Dispose(); bn3?.Dispose(); downsample?.Dispose();
        }
        base.Dispose(disposing);
    }
}
