namespace MultiLabel.Data;

/// <summary>Where and how a dataset is read and decoded.</summary>
public sealed record DatasetLoadOptions
{
    /// <summary>How labels are read from folder names.</summary>
    public ImageSourceOptions Source { get; init; } = new();

    /// <summary>Side length images are decoded to (square, stretched).</summary>
    public int ImageSize { get; init; } = 128;

    /// <summary>The decode cache folder; <c>null</c> turns caching off.</summary>
    public string? CacheDirectory { get; init; } = ImageCache.DefaultDirectory;

    /// <summary>Decoding threads; 0 uses every core.</summary>
    public int Threads { get; init; }

    /// <summary>The pixel budget per image (see <see cref="ImageDecoder.DefaultMaxPixels"/>); null chooses it from <see cref="ImageSize"/>.</summary>
    public long? MaxPixels { get; init; }
}

/// <summary>A dataset read and decoded: the images that loaded, and every file left out with its reason.</summary>
/// <param name="Scan">The dataset as read, with walking and decoding failures among <see cref="DatasetScan.Skipped"/>.</param>
/// <param name="Pixels">The decoded pixels of <see cref="DatasetScan.Images"/>, in the same order.</param>
public sealed record LoadedDataset(DatasetScan Scan, DecodedImages Pixels);

/// <summary>Reads a dataset folder or label file and decodes its images through the cache.</summary>
public static class DatasetLoader
{
    /// <summary>Reads <paramref name="path"/>, decodes every image, and moves images that fail to decode to the skipped files.</summary>
    public static LoadedDataset Load(string path, DatasetLoadOptions options,
        IProgress<DecodeProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Load(ImageSource.Open(path, options.Source, cancellationToken), options, progress, cancellationToken);

    /// <summary>Decodes every image of <paramref name="scan"/> and moves images that fail to decode to the skipped files.</summary>
    public static LoadedDataset Load(DatasetScan scan, DatasetLoadOptions options,
        IProgress<DecodeProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var cache = new ImageCache(options.CacheDirectory);
        var pixels = cache.Load(scan.Images, options.ImageSize, options.ImageSize, progress, cancellationToken, options.Threads, scan.Source,
            options.MaxPixels ?? ImageDecoder.DefaultMaxPixelsFor(options.ImageSize));
        return new LoadedDataset(scan.With(pixels.Images, pixels.Failed), pixels);
    }
}
