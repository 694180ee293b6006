using MultiLabel.Inference;
using MultiLabel.Models;
using MultiLabel.Persistence;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MultiLabel.Bench;

/// <summary>
/// The torch engine's forward pass with the speed-ups under test: channels-last memory (input and convolution
/// weights laid out NHWC in memory, the layout oneDNN prefers) and no_grad instead of inference_mode.
/// </summary>
internal sealed class TorchVariantEngine : IPredictionEngine
{
    private readonly MultiLabelNetwork network;
    private readonly Tensor multiplier;
    private readonly Tensor offset;
    private readonly int size;
    private readonly bool channelsLast;
    private readonly bool inferenceMode;

    public TorchVariantEngine(MultiLabelNetwork network, BundleManifest manifest, bool channelsLast, bool inferenceMode)
    {
        this.network = network;
        this.channelsLast = channelsLast;
        this.inferenceMode = inferenceMode;
        size = manifest.ImageSize;
        var n = manifest.Normalization;
        multiplier = tensor(n.Std.Select(s => n.Scale / s).ToArray()).reshape(1, 3, 1, 1);
        offset = tensor(n.Mean.Select((m, c) => -m / n.Std[c]).ToArray()).reshape(1, 3, 1, 1);
        network.eval();
        if (channelsLast)
        {
            using var noGrad = no_grad();
            foreach (var conv in network.modules().OfType<Conv2d>())
                conv.weight = new Parameter(ChannelsLast(conv.weight).detach(), requires_grad: false);
        }
        Name = $"torch{(channelsLast ? "+channels_last" : "")}{(inferenceMode ? "" : "+no_grad")}";
    }

    public string Name { get; }

    public InferenceEngine Kind => InferenceEngine.Torch;

    public float[] Predict(ReadOnlySpan<byte> pixels, int count)
    {
        using var mode = inferenceMode ? torch.inference_mode() : torch.no_grad();
        using var scope = NewDisposeScope();
        var batch = tensor(pixels[..(count * 3 * size * size)].ToArray(), [count, 3, size, size]).to(ScalarType.Float32);
        batch = batch.mul_(multiplier).add_(offset);
        if (channelsLast) batch = ChannelsLast(batch);
        return network.forward(batch).sigmoid().data<float>().ToArray();
    }

    /// <summary>The same NCHW tensor stored NHWC in memory (TorchSharp has no memory_format argument).</summary>
    private static Tensor ChannelsLast(Tensor x) => x.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2);

    public void Dispose()
    {
        network.Dispose();
        multiplier.Dispose();
        offset.Dispose();
    }
}
