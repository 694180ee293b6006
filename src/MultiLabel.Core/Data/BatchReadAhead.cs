namespace MultiLabel.Data;

/// <summary>
/// Hands out the pixels of consecutive batches of <see cref="DecodedImages"/> (the images at <c>order[k·B … k·B+B−1]</c>
/// for batch k; a last batch of one image is folded into the one before it, see <see cref="Count"/>), reading the next batch on a background thread while the caller works on the current one, so reading
/// from the cache's files (a page fault, or a disk read when the page cache has let them go) overlaps computing.
/// </summary>
internal sealed class BatchReadAhead : IDisposable
{
    private readonly DecodedImages images;
    private readonly int[] order;
    private readonly int batchSize;
    private readonly byte[][] buffers = new byte[2][];
    private Task? pending;
    private int next;

    /// <summary>Reads <paramref name="images"/> in the batches <paramref name="order"/> makes, from batch <paramref name="first"/>.</summary>
    public BatchReadAhead(DecodedImages images, int[] order, int batchSize, int first = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        this.images = images;
        this.order = order;
        this.batchSize = batchSize;
        next = first;
        Batches = Count(order.Length, batchSize);
        int largest = Math.Min(batchSize + 1, order.Length) * images.ImageBytes;
        buffers[0] = new byte[largest];
        buffers[1] = new byte[largest];
    }

    /// <summary>Number of batches.</summary>
    public int Batches { get; }

    /// <summary>
    /// Batches of <paramref name="images"/> images, <paramref name="batchSize"/> at a time, a last batch of one image folded
    /// into the one before it (<c>Learner.StepsPerEpoch</c> says why).
    /// </summary>
    public static int Count(int images, int batchSize)
    {
        int batches = (images + batchSize - 1) / batchSize;
        return images % batchSize == 1 && batches > 1 ? batches - 1 : batches;
    }

    /// <summary>The image indices of batch <paramref name="batch"/> (the last takes every image left).</summary>
    public ReadOnlySpan<int> Indices(int batch) =>
        order.AsSpan(batch * batchSize, batch == Batches - 1 ? order.Length - batch * batchSize : batchSize);

    /// <summary>
    /// The pixels <c>[B,3,H,W]</c> of the next batch and its index; they stay valid until the following call. Starts
    /// reading the batch after it.
    /// </summary>
    public ReadOnlySpan<byte> Next(out int batch)
    {
        batch = next;
        if (batch >= Batches) throw new InvalidOperationException("Every batch has been read.");
        if (pending is null) Read(batch);
        else
        {
            pending.GetAwaiter().GetResult();
            pending = null;
        }
        int count = Indices(batch).Length;
        next++;
        if (next < Batches)
        {
            int ahead = next;
            pending = Task.Run(() => Read(ahead));
        }
        return buffers[batch % 2].AsSpan(0, count * images.ImageBytes);
    }

    private void Read(int batch) => images.CopyBatch(Indices(batch), buffers[batch % 2]);

    /// <summary>Waits for a read in progress.</summary>
    public void Dispose()
    {
        try { pending?.Wait(); }
        catch (AggregateException) { }
        pending = null;
    }
}
