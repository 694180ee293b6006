using MultiLabel.Models;
using MultiLabel.Native;
using MultiLabel.Persistence;
using TorchSharp;
using static TorchSharp.torch;

namespace MultiLabel.Inference;

/// <summary>Runs a bundle's network with TorchSharp in inference mode.</summary>
public sealed class TorchEngine : IPredictionEngine
{
    private readonly MultiLabelNetwork network;
    private readonly Tensor multiplier;
    private readonly Tensor offset;
    private readonly Device device;
    private readonly int size;
    private readonly PixelStaging staging = new();

    /// <summary>Wraps <paramref name="network"/> (already on <paramref name="device"/>) fed as <paramref name="manifest"/> says.</summary>
    public TorchEngine(MultiLabelNetwork network, BundleManifest manifest, Device device)
    {
        this.network = network;
        this.device = device;
        size = manifest.ImageSize;
        var n = manifest.Normalization;
        multiplier = tensor(n.Multiplier()).reshape(1, 3, 1, 1).to(device);
        offset = tensor(n.Offset()).reshape(1, 3, 1, 1).to(device);
        network.eval();
    }

    /// <inheritdoc/>
    public InferenceEngine Kind => InferenceEngine.Torch;

    /// <inheritdoc/>
    public float[] Predict(ReadOnlySpan<byte> pixels, int count)
    {
        using var mode = torch.inference_mode();
        using var scope = NewDisposeScope();
        var staged = staging.Get(count, size, size);
        pixels[..(count * 3 * size * size)].CopyTo(staged.bytes);
        var batch = staged.to(device).to(ScalarType.Float32);
        var logits = network.forward(batch.mul_(multiplier).add_(offset));
        return logits.sigmoid().to(CPU).data<float>().ToArray();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        network.Dispose();
        multiplier.Dispose();
        offset.Dispose();
        staging.Dispose();
    }
}
