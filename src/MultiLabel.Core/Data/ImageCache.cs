using System.Security.Cryptography;
using System.Text;
using MultiLabel.Files;

namespace MultiLabel.Data;

/// <summary>Progress of decoding a dataset: images done of the total, and how many came from the disk cache.</summary>
public readonly record struct DecodeProgress(int Done, int Total, int FromCache);

/// <summary>
/// Decodes images once, in parallel on all cores, and keeps the results on disk keyed by file path,
/// size, modification time and target size, so a second run on the same folder skips decoding.
/// Files that fail to decode are remembered with their reason too. Entries are written to a
/// temporary name and renamed, so a crash never leaves a half-written entry behind.
/// </summary>
public sealed class ImageCache
{
    private const int FormatVersion = 1;
    private static readonly byte[] Magic = "MLPX"u8.ToArray();

    /// <summary>Uses <paramref name="directory"/> for cache entries; <c>null</c> decodes without caching.</summary>
    public ImageCache(string? directory) => Directory = directory;

    /// <summary>The cache folder, or <c>null</c> when caching is off.</summary>
    public string? Directory { get; }

    /// <summary><c>$MULTILABEL_CACHE</c>, else <c>$XDG_CACHE_HOME/multilabel</c>, else <c>~/.cache/multilabel</c>.</summary>
    public static string DefaultDirectory =>
        Environment.GetEnvironmentVariable("MULTILABEL_CACHE") is { Length: > 0 } explicitDir ? explicitDir
        : Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? Path.Combine(xdg, "multilabel")
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "multilabel");

    /// <summary>Decodes (or reads from the cache) every image at <paramref name="width"/> × <paramref name="height"/>.</summary>
    public DecodedImages Load(IReadOnlyList<ImageRecord> images, int width, int height,
        IProgress<DecodeProgress>? progress = null, CancellationToken cancellationToken = default, int maxThreads = 0,
        long maxPixels = ImageDecoder.DefaultMaxPixels)
    {
        var pixels = new byte[images.Count][];
        var errors = new string?[images.Count];
        int done = 0, fromCache = 0;
        int reportEvery = Math.Max(1, images.Count / 200);
        Parallel.For(0, images.Count, new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = maxThreads > 0 ? maxThreads : Environment.ProcessorCount,
        }, i =>
        {
            if (LoadOne(images[i].Path, width, height, maxPixels, out pixels[i]!, out errors[i])) Interlocked.Increment(ref fromCache);
            int n = Interlocked.Increment(ref done);
            if (n % reportEvery == 0 || n == images.Count) progress?.Report(new DecodeProgress(n, images.Count, Volatile.Read(ref fromCache)));
        });

        var kept = new List<ImageRecord>(images.Count);
        var keptPixels = new List<byte[]>(images.Count);
        var failed = new List<SkippedFile>();
        for (int i = 0; i < images.Count; i++)
        {
            if (errors[i] is { } reason) failed.Add(new SkippedFile(images[i].Path, reason));
            else { kept.Add(images[i]); keptPixels.Add(pixels[i]); }
        }
        return new DecodedImages(kept, keptPixels.ToArray(), width, height, failed);
    }

    /// <summary>Decodes one image through the cache; returns true when the result came from the cache.</summary>
    private bool LoadOne(string path, int width, int height, long maxPixels, out byte[]? pixels, out string? error)
    {
        string? entry = null;
        if (Directory != null && TryEntryPath(path, width, height, out entry) && TryRead(entry, 3 * width * height, out pixels, out error))
            return true;
        bool remember = true;
        try
        {
            pixels = ImageDecoder.Decode(path, width, height, maxPixels).Pixels;
            error = null;
        }
        catch (ImageDecodeException e)
        {
            pixels = null;
            error = e.Message;
            remember = !e.OverBudget; // a refusal under one budget must not outlive a larger budget
        }
        if (entry != null && remember) TryWrite(entry, pixels, error);
        return false;
    }

    private bool TryEntryPath(string path, int width, int height, out string entry)
    {
        entry = "";
        FileInfo info;
        try { info = new FileInfo(path); if (!info.Exists) return false; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
        string key = $"{FormatVersion}\n{info.FullName}\n{info.Length}\n{info.LastWriteTimeUtc.Ticks}\n{width}x{height}";
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
        entry = Path.Combine(Directory!, $"{width}x{height}", hash[..2], hash + ".px");
        return true;
    }

    private static bool TryRead(string entry, int expectedBytes, out byte[]? pixels, out string? error)
    {
        pixels = null;
        error = null;
        try
        {
            using var stream = new FileStream(entry, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            Span<byte> header = stackalloc byte[5];
            if (stream.ReadAtLeast(header, 5, throwOnEndOfStream: false) < 5 || !header[..4].SequenceEqual(Magic)) return false;
            long payload = stream.Length - 5;
            switch (header[4])
            {
                case 0 when payload == expectedBytes:
                    // Read straight into the array the image keeps: no second copy of 9,677 × 49 KB.
                    var data = new byte[expectedBytes];
                    stream.ReadExactly(data);
                    pixels = data;
                    return true;
                case 1 when payload < 1 << 16:
                    var reason = new byte[payload];
                    stream.ReadExactly(reason);
                    error = Encoding.UTF8.GetString(reason);
                    return true;
                default:
                    return false;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void TryWrite(string entry, byte[]? pixels, string? error)
    {
        try
        {
            AtomicFile.Write(entry, stream =>
            {
                stream.Write(Magic);
                stream.WriteByte(pixels != null ? (byte)0 : (byte)1);
                stream.Write(pixels ?? Encoding.UTF8.GetBytes(error ?? ""));
            }, durable: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs speed; the decoded image is still used.
        }
    }
}
