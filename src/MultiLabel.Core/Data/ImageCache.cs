using MultiLabel.Data.Caching;

namespace MultiLabel.Data;

/// <summary>Progress of decoding a dataset: images done of the total, and how many came from the disk cache.</summary>
public readonly record struct DecodeProgress(int Done, int Total, int FromCache);

/// <summary>
/// Decodes images once, in parallel on all cores, into a disk cache that is read, not loaded: per dataset and size a
/// few shard files of uint8 <c>[N,3,H,W]</c> pixels with an index keyed by file path, length and modification time
/// (a file that changed is decoded again; one that failed is remembered with its reason). The images a load returns
/// are read from the memory-mapped shards batch by batch, so memory does not grow with the dataset. Shards are written
/// under a temporary name and renamed when complete, so a crash or Ctrl-C never leaves a shard a reader would trust.
/// When the cache grows past <see cref="SizeLimit"/>, the groups used longest ago are removed (see <see cref="CachePruner"/>).
/// </summary>
public sealed class ImageCache
{
    /// <summary>Pixels per shard at most: a Ctrl-C during a first decode loses at most this much work.</summary>
    private const long ShardBytes = 256L << 20;

    /// <summary>Uses <paramref name="directory"/> for cache entries; <c>null</c> decodes into memory without caching.</summary>
    public ImageCache(string? directory) => Directory = directory;

    /// <summary>The cache folder, or <c>null</c> when caching is off.</summary>
    public string? Directory { get; }

    /// <summary>
    /// Past this many bytes the cache removes the groups (dataset × size) used longest ago, never the one being loaded;
    /// 0 means no limit. Default <see cref="DefaultSizeLimit"/>.
    /// </summary>
    public long SizeLimit { get; init; } = DefaultSizeLimit;

    /// <summary><c>$MULTILABEL_CACHE</c>, else <c>$XDG_CACHE_HOME/multilabel</c>, else <c>~/.cache/multilabel</c>.</summary>
    public static string DefaultDirectory =>
        Environment.GetEnvironmentVariable("MULTILABEL_CACHE") is { Length: > 0 } explicitDir ? explicitDir
        : Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? Path.Combine(xdg, "multilabel")
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "multilabel");

    /// <summary><c>$MULTILABEL_CACHE_LIMIT_GB</c> gigabytes (0: no limit), else 20 GB.</summary>
    public static long DefaultSizeLimit =>
        double.TryParse(Environment.GetEnvironmentVariable("MULTILABEL_CACHE_LIMIT_GB"), System.Globalization.CultureInfo.InvariantCulture, out double gb) && gb >= 0
            ? (long)(gb * (1L << 30))
            : 20L << 30;

    /// <summary>
    /// Decodes (or finds in the cache) every image at <paramref name="width"/> × <paramref name="height"/>. The cache
    /// keeps one group of shards per <paramref name="dataset"/> (the dataset folder or label file; by default the
    /// folder the images share) and size.
    /// </summary>
    public DecodedImages Load(IReadOnlyList<ImageRecord> images, int width, int height,
        IProgress<DecodeProgress>? progress = null, CancellationToken cancellationToken = default, int maxThreads = 0, string? dataset = null,
        long maxPixels = ImageDecoder.DefaultMaxPixels)
    {
        var parallel = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = maxThreads > 0 ? maxThreads : Environment.ProcessorCount,
        };
        var plan = new DecodePlan(images, width, height, maxPixels, progress);
        CacheGroup? group = null;
        if (Directory != null)
        {
            try { group = CacheGroup.Open(Directory, Path.GetFullPath(dataset ?? CommonFolder(images)), width, height); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // a cache that cannot be read only costs speed
        }
        if (group is null)
        {
            plan.DecodeIntoMemory(Enumerable.Range(0, images.Count).ToArray(), parallel);
            return plan.Result();
        }

        plan.FindInCache(group, parallel);
        bool wrote = plan.DecodeIntoShards(group, ShardBytes, parallel);
        group.Touch();
        if (wrote && SizeLimit > 0) CachePruner.EnforceLimit(Directory!, SizeLimit, keep: group.Folder);
        return plan.Result();
    }

    /// <summary>
    /// The images, decoded at <paramref name="width"/> × <paramref name="height"/> on a background thread in batches of
    /// <paramref name="batchSize"/>, in order, at most two batches ahead of the caller: memory holds three batches however
    /// many images there are, and decoding overlaps what the caller does with each batch. Images the cache holds are read
    /// from it; the others are decoded and added to it.
    /// </summary>
    public IEnumerable<ImageBatch> Stream(IReadOnlyList<ImageRecord> images, int width, int height, int batchSize,
        CancellationToken cancellationToken = default, int maxThreads = 0, string? dataset = null, long maxPixels = ImageDecoder.DefaultMaxPixels)
    {
        CacheGroup? group = null;
        if (Directory != null)
        {
            try { group = CacheGroup.Open(Directory, Path.GetFullPath(dataset ?? CommonFolder(images)), width, height); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        int shards = group?.Shards.Count ?? 0;
        foreach (var batch in new ImageStream(images, width, height, batchSize, group, maxThreads, maxPixels).Read(cancellationToken)) yield return batch;
        if (group is null) yield break;
        group.Touch();
        if (group.Shards.Count > shards && SizeLimit > 0) CachePruner.EnforceLimit(Directory!, SizeLimit, keep: group.Folder);
    }

    /// <summary>The deepest folder holding every image (the current folder when there are none).</summary>
    internal static string CommonFolder(IReadOnlyList<ImageRecord> images)
    {
        if (images.Count == 0) return Environment.CurrentDirectory;
        string common = Path.GetDirectoryName(Path.GetFullPath(images[0].Path)) ?? "/";
        foreach (var image in images)
        {
            string full = Path.GetFullPath(image.Path);
            while (!full.StartsWith(common.EndsWith(Path.DirectorySeparatorChar) ? common : common + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                common = Path.GetDirectoryName(common) ?? common;
            if (Path.GetDirectoryName(common) is null) break;
        }
        return common;
    }
}
