using System.Collections.Concurrent;

namespace MultiLabel.Data.Caching;

/// <summary>
/// Decodes a list of images batch by batch on a background thread, at most two batches ahead of the reader, so
/// decoding overlaps whatever the reader does with them (a forward pass) and memory holds three batches whatever the
/// list's length. With a cache group, images it holds are read from it and the others are decoded and written into
/// new shards (committed each <see cref="ShardBytes"/> and at the end; a stream stopped early deletes its unfinished one).
/// </summary>
internal sealed class ImageStream
{
    /// <summary>Pixels per shard at most.</summary>
    public const long ShardBytes = 256L << 20;

    private readonly IReadOnlyList<ImageRecord> images;
    private readonly int width;
    private readonly int height;
    private readonly int batchSize;
    private readonly CacheGroup? group;
    private readonly long maxPixels;
    private readonly ParallelOptions parallel;
    private readonly byte[][] buffers = new byte[3][];
    private CacheShardWriter? writer;

    /// <summary>A stream of <paramref name="images"/> decoded at <paramref name="width"/> × <paramref name="height"/>, <paramref name="batchSize"/> at a time.</summary>
    public ImageStream(IReadOnlyList<ImageRecord> images, int width, int height, int batchSize, CacheGroup? group, int maxThreads,
        long maxPixels = ImageDecoder.DefaultMaxPixels)
    {
        this.maxPixels = maxPixels;
        this.images = images;
        (this.width, this.height, this.batchSize, this.group) = (width, height, Math.Max(1, batchSize), group);
        parallel = new ParallelOptions { MaxDegreeOfParallelism = maxThreads > 0 ? maxThreads : Environment.ProcessorCount };
        for (int i = 0; i < buffers.Length; i++) buffers[i] = new byte[Math.Min(this.batchSize, Math.Max(1, images.Count)) * 3 * width * height];
    }

    /// <summary>The batches, in order; the background work stops when the enumeration does.</summary>
    public IEnumerable<ImageBatch> Read(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var queue = new BlockingCollection<ImageBatch>(boundedCapacity: 1);
        parallel.CancellationToken = stop.Token;
        var producer = Task.Run(() =>
        {
            try
            {
                for (int b = 0, start = 0; start < images.Count; b++, start += batchSize)
                    queue.Add(Decode(start, Math.Min(batchSize, images.Count - start), buffers[b % buffers.Length]), stop.Token);
                Commit();
            }
            finally
            {
                writer?.Dispose();
                queue.CompleteAdding();
            }
        }, stop.Token);
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable(stop.Token)) yield return batch;
        }
        finally
        {
            stop.Cancel();
            try { producer.Wait(CancellationToken.None); }
            catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException)) { }
        }
        producer.GetAwaiter().GetResult(); // a failure of the producer surfaces here
    }

    private ImageBatch Decode(int start, int count, byte[] buffer)
    {
        var pixels = new byte[count][];
        var errors = new string?[count];
        Parallel.For(0, count, parallel, j =>
        {
            var image = images[start + j];
            bool known = FileKey.TryRead(image.Path, out var key);
            if (known && group is not null && group.TryFind(key, out int shard, out var entry))
            {
                if (entry.Slot < 0) errors[j] = entry.Error;
                else group.Shards[shard].Copy(entry.Slot, pixels[j] = new byte[3 * width * height]);
                return;
            }
            bool remember = known;
            try { pixels[j] = ImageDecoder.Decode(image.Path, width, height, maxPixels).Pixels; }
            catch (ImageDecodeException e)
            {
                errors[j] = e.Message;
                remember &= !e.OverBudget; // a refusal under one budget must not outlive a larger one
            }
            if (remember) Remember(key, pixels[j], errors[j]);
        });
        var decoded = new List<int>(count);
        var failed = new List<(int, SkippedFile)>();
        int imageBytes = 3 * width * height;
        for (int j = 0; j < count; j++)
        {
            if (errors[j] is { } reason) failed.Add((start + j, new SkippedFile(images[start + j].Path, reason)));
            else
            {
                pixels[j].CopyTo(buffer.AsSpan(decoded.Count * imageBytes));
                decoded.Add(start + j);
            }
        }
        if (writer?.PixelBytes >= ShardBytes) Commit();
        return new ImageBatch(start, count, decoded, buffer.AsMemory(0, decoded.Count * imageBytes), failed);
    }

    /// <summary>Writes a newly decoded image (or its failure) to the shard in progress; a cache that cannot be written is left alone.</summary>
    private void Remember(FileKey key, byte[]? pixels, string? error)
    {
        if (group is null) return;
        try
        {
            lock (this) writer ??= new CacheShardWriter(group.Folder, width, height);
            if (pixels != null) writer.Add(key, pixels);
            else writer.AddFailure(key, error!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    private void Commit()
    {
        if (writer is null) return;
        try
        {
            if (writer.Count > 0 && CacheShard.TryOpen(writer.Commit()) is { } shard) group!.Add(shard);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        writer.Dispose();
        writer = null;
    }
}
