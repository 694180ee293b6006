using System.IO.MemoryMappedFiles;

namespace MultiLabel.Data.Caching;

/// <summary>
/// A committed cache shard, open for reading: its index in memory, its pixels memory-mapped and copied out one image
/// at a time. Pages read are dropped from the mapping every <see cref="ReleaseEvery"/> bytes (see <see cref="PageRelease"/>),
/// so reading a shard of any size keeps this process's resident memory flat.
/// </summary>
internal sealed class CacheShard : PixelSource, IDisposable
{
    /// <summary>Bytes read between two releases of the mapping's pages.</summary>
    public const long ReleaseEvery = 32L << 20;

    private readonly ShardHeader header;
    private readonly Lazy<(MemoryMappedFile File, MemoryMappedViewAccessor View)> map;
    private long sinceRelease;

    private CacheShard(string path, ShardHeader header, ShardEntry[] entries, long length)
    {
        Path = path;
        this.header = header;
        Entries = entries;
        Length = length;
        map = new Lazy<(MemoryMappedFile, MemoryMappedViewAccessor)>(() =>
        {
            var file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
            return (file, file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read));
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The shard's file.</summary>
    public string Path { get; }

    /// <summary>Every file the shard holds, decoded or failed.</summary>
    public IReadOnlyList<ShardEntry> Entries { get; }

    /// <summary>Size of the file in bytes.</summary>
    public long Length { get; }

    /// <summary>Image width.</summary>
    public int Width => header.Width;

    /// <summary>Image height.</summary>
    public int Height => header.Height;

    /// <summary>Bytes of one image.</summary>
    public int ImageBytes => header.ImageBytes;

    /// <summary>
    /// Opens the shard at <paramref name="path"/>; null when it is not a whole shard of this format (damaged, another
    /// version) or cannot be read. Its pixels are mapped on the first read.
    /// </summary>
    public static CacheShard? TryOpen(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            var first = new byte[ShardHeader.Size];
            if (stream.ReadAtLeast(first, first.Length, throwOnEndOfStream: false) < first.Length) return null;
            if (!ShardHeader.TryParse(first, stream.Length, out var header) || header.IndexLength > int.MaxValue) return null;
            var index = new byte[header.IndexLength];
            stream.Position = header.IndexOffset;
            stream.ReadExactly(index);
            if (ShardHeader.Hash(index) != header.IndexHash) return null;
            var entries = ShardIndex.Decode(index, header.Entries, header.Slots);
            return entries is null ? null : new CacheShard(path, header, entries, stream.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    public override void Copy(int slot, Span<byte> destination)
    {
        if ((uint)slot >= (uint)header.Slots) throw new ArgumentOutOfRangeException(nameof(slot));
        var view = map.Value.View;
        view.SafeMemoryMappedViewHandle.ReadSpan((ulong)(ShardHeader.Size + (long)slot * ImageBytes), destination[..ImageBytes]);
        if (Interlocked.Add(ref sinceRelease, ImageBytes) >= ReleaseEvery)
        {
            Interlocked.Exchange(ref sinceRelease, 0);
            Release();
        }
    }

    /// <summary>Drops every page of the mapping from this process's resident memory (they stay in the page cache).</summary>
    public void Release()
    {
        if (!map.IsValueCreated) return;
        var handle = map.Value.View.SafeMemoryMappedViewHandle;
        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            PageRelease.Drop(handle.DangerousGetHandle(), (long)handle.ByteLength);
        }
        finally
        {
            if (added) handle.DangerousRelease();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!map.IsValueCreated) return;
        map.Value.View.Dispose();
        map.Value.File.Dispose();
    }
}
