using MultiLabel.Data;
using MultiLabel.Data.Transforms;
using MultiLabel.Models;
using MultiLabel.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace MultiLabel.Training;

/// <summary>
/// Turns uint8 images into a normalised float batch on the device: copy, cast, augment (training
/// only), then <c>(x × scale − mean) / std</c> in one fused multiply-add per channel.
/// </summary>
public sealed class BatchLoader : IDisposable
{
    private readonly Tensor multiplier;
    private readonly Tensor offset;
    private readonly AffineAugmenter? augmenter;
    private readonly Device device;
    private readonly PixelStaging staging = new();

    /// <summary>Creates a loader; <paramref name="augmentation"/> null means no augmentation.</summary>
    public BatchLoader(Normalization normalization, AugmentationOptions? augmentation, Device device)
    {
        this.device = device;
        augmenter = augmentation is null || augmentation == AugmentationOptions.None ? null : new AffineAugmenter(augmentation);
        multiplier = tensor(normalization.Multiplier()).reshape(1, 3, 1, 1).to(device);
        offset = tensor(normalization.Offset()).reshape(1, 3, 1, 1).to(device);
    }

    /// <summary>The float input batch <c>[B,3,H,W]</c> for <paramref name="indices"/> of <paramref name="images"/>; augmented when <paramref name="random"/> is given.</summary>
    public Tensor Inputs(DecodedImages images, ReadOnlySpan<int> indices, RandomSource? random = null)
    {
        var pixels = staging.Get(indices.Length, images.Height, images.Width);
        images.CopyBatch(indices, pixels.bytes);
        return Prepare(pixels, random);
    }

    /// <summary>The float input batch <c>[B,3,H,W]</c> of <paramref name="count"/> images read already (<see cref="BatchReadAhead"/>); augmented when <paramref name="random"/> is given.</summary>
    public Tensor Inputs(ReadOnlySpan<byte> pixels, int count, int height, int width, RandomSource? random = null)
    {
        var staged = staging.Get(count, height, width);
        pixels.CopyTo(staged.bytes);
        return Prepare(staged, random);
    }

    private Tensor Prepare(Tensor pixels, RandomSource? random)
    {
        using var scope = NewDisposeScope();
        var batch = pixels.to(device).to(ScalarType.Float32);
        if (augmenter != null && random != null) batch = augmenter.Apply(batch, random);
        return batch.mul_(multiplier).add_(offset).MoveToOuterDisposeScope();
    }

    /// <summary>The target rows <c>[B, labels]</c> for <paramref name="indices"/>.</summary>
    public Tensor Targets(LabeledImages data, ReadOnlySpan<int> indices)
    {
        var rows = new float[indices.Length * data.LabelCount];
        for (int b = 0; b < indices.Length; b++)
            Array.Copy(data.Targets, indices[b] * data.LabelCount, rows, b * data.LabelCount, data.LabelCount);
        return tensor(rows, [indices.Length, data.LabelCount]).to(device);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        multiplier.Dispose();
        offset.Dispose();
        staging.Dispose();
    }
}
