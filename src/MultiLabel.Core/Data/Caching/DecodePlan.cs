namespace MultiLabel.Data.Caching;

/// <summary>
/// One load of <see cref="ImageCache"/>: for every image, where its pixels are (a source and a slot) or why it failed.
/// Images are first looked up in the cache group, the rest decoded in parallel straight into new shards, a shard's
/// worth at a time; where a shard cannot be written, into memory.
/// </summary>
internal sealed class DecodePlan(IReadOnlyList<ImageRecord> images, int width, int height, long maxPixels, IProgress<DecodeProgress>? progress)
{
    private readonly bool[] overBudget = new bool[images.Count];
    private readonly List<PixelSource> sources = [];
    private readonly int[] sourceOf = new int[images.Count];
    private readonly int[] slotOf = new int[images.Count];
    private readonly string?[] errors = new string?[images.Count];
    private readonly FileKey?[] keys = new FileKey?[images.Count];
    private readonly int reportEvery = Math.Max(1, images.Count / 200);
    private readonly List<int> missing = [];
    private int done;
    private int fromCache;

    private int ImageBytes => 3 * width * height;

    /// <summary>Looks every image up in <paramref name="group"/>; those it does not hold are left to decode.</summary>
    public void FindInCache(CacheGroup group, ParallelOptions parallel)
    {
        Parallel.For(0, images.Count, parallel, i => keys[i] = FileKey.TryRead(images[i].Path, out var key) ? key : null);
        int first = sources.Count;
        sources.AddRange(group.Shards);
        for (int i = 0; i < images.Count; i++)
        {
            if (keys[i] is { } key && group.TryFind(key, out int shard, out var entry))
            {
                if (entry.Slot >= 0) (sourceOf[i], slotOf[i]) = (first + shard, entry.Slot);
                else errors[i] = entry.Error;
                fromCache++;
                done++;
            }
            else missing.Add(i);
        }
        Report();
    }

    /// <summary>
    /// Decodes the images not found into new shards of <paramref name="group"/>, at most <paramref name="shardBytes"/> of
    /// pixels each; returns true when anything was written. When a shard cannot be written (disk full, no permission),
    /// that part and the rest are decoded into memory instead.
    /// </summary>
    public bool DecodeIntoShards(CacheGroup group, long shardBytes, ParallelOptions parallel)
    {
        int perShard = (int)Math.Clamp(shardBytes / ImageBytes, 16, 1 << 20);
        bool wrote = false;
        for (int start = 0; start < missing.Count; start += perShard)
        {
            var part = missing.GetRange(start, Math.Min(perShard, missing.Count - start)).ToArray();
            if (!TryDecodeShard(group, part, parallel))
            {
                DecodeIntoMemory(missing.Skip(start).ToArray(), parallel);
                return wrote;
            }
            wrote = true;
        }
        missing.Clear();
        return wrote;
    }

    /// <summary>Decodes <paramref name="indices"/> into one new shard and adds it to the group; false (nothing kept) when the shard cannot be written.</summary>
    private bool TryDecodeShard(CacheGroup group, int[] indices, ParallelOptions parallel)
    {
        var slots = new int[indices.Length];
        try
        {
            using var writer = new CacheShardWriter(group.Folder, width, height);
            Parallel.For(0, indices.Length, parallel, j =>
            {
                int i = indices[j];
                if (Decode(i) is { } pixels)
                {
                    slots[j] = keys[i] is { } key ? writer.Add(key, pixels) : -1;
                    if (slots[j] < 0) errors[i] = "its size and modification time cannot be read";
                }
                else if (keys[i] is { } key && !overBudget[i]) writer.AddFailure(key, errors[i]!); // a refusal under one budget must not outlive a larger one
                Advance();
            });
            var shard = CacheShard.TryOpen(writer.Commit()) ?? throw new IOException("the shard just written does not read back");
            int source = sources.Count;
            group.Add(shard);
            sources.Add(shard);
            for (int j = 0; j < indices.Length; j++)
                if (errors[indices[j]] is null) (sourceOf[indices[j]], slotOf[indices[j]]) = (source, slots[j]);
            return true;
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            foreach (int i in indices) errors[i] = null;
            Interlocked.Add(ref done, -indices.Length);
            return false;
        }
    }

    private static bool IsWriteFailure(Exception e) =>
        e is IOException or UnauthorizedAccessException || e is AggregateException a && a.InnerExceptions.All(IsWriteFailure);

    /// <summary>Decodes <paramref name="indices"/> into managed arrays.</summary>
    public void DecodeIntoMemory(int[] indices, ParallelOptions parallel)
    {
        var arrays = new byte[indices.Length][];
        Parallel.For(0, indices.Length, parallel, j =>
        {
            arrays[j] = Decode(indices[j]) ?? [];
            Advance();
        });
        int source = sources.Count;
        sources.Add(new ArrayPixels(arrays));
        for (int j = 0; j < indices.Length; j++) (sourceOf[indices[j]], slotOf[indices[j]]) = (source, j);
    }

    /// <summary>The images that decoded, in input order, and those that failed.</summary>
    public DecodedImages Result()
    {
        var kept = new List<int>(images.Count);
        var failed = new List<SkippedFile>();
        for (int i = 0; i < images.Count; i++)
        {
            if (errors[i] is { } reason) failed.Add(new SkippedFile(images[i].Path, reason));
            else kept.Add(i);
        }
        return new DecodedImages(kept.Select(i => images[i]).ToArray(), [.. sources], kept.Select(i => sourceOf[i]).ToArray(),
            kept.Select(i => slotOf[i]).ToArray(), width, height, failed);
    }

    private byte[]? Decode(int i)
    {
        try
        {
            return ImageDecoder.Decode(images[i].Path, width, height, maxPixels).Pixels;
        }
        catch (ImageDecodeException e)
        {
            errors[i] = e.Message;
            overBudget[i] = e.OverBudget;
            return null;
        }
    }

    private void Advance()
    {
        int n = Interlocked.Increment(ref done);
        if (n % reportEvery == 0 || n == images.Count) Report(n);
    }

    private void Report(int? count = null) =>
        progress?.Report(new DecodeProgress(count ?? Volatile.Read(ref done), images.Count, fromCache));
}
