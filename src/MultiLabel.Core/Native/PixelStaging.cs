using static TorchSharp.torch;

namespace MultiLabel.Native;

/// <summary>
/// A uint8 CPU tensor <c>[N,3,H,W]</c> reused batch after batch: pixels are written straight into its storage
/// (<see cref="Tensor.bytes"/>). <c>torch.tensor(byte[])</c> clones its array on the managed heap on every call
/// and keeps the clone pinned, which for training at 128 px and batch 32 is 1.5 MB of large-object garbage per
/// step that the GC let pile up by a few hundred MB before collecting.
/// </summary>
internal sealed class PixelStaging : IDisposable
{
    private Tensor? staging;

    /// <summary>
    /// The staging tensor shaped <c>[<paramref name="count"/>,3,<paramref name="height"/>,<paramref name="width"/>]</c>,
    /// for the caller to write a batch into through its <see cref="Tensor.bytes"/>. It belongs to this object: do not
    /// dispose it, and do not keep it past the next call.
    /// </summary>
    public Tensor Get(int count, int height, int width)
    {
        long[] shape = [count, 3, height, width];
        if (staging is null || !staging.shape.SequenceEqual(shape))
        {
            staging?.Dispose();
            // Kept out of any dispose scope the caller has open: it lives until Dispose.
            using (NewDisposeScope()) staging = empty(shape, ScalarType.Byte).DetachFromDisposeScope();
        }
        return staging;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        staging?.Dispose();
        staging = null;
    }
}
