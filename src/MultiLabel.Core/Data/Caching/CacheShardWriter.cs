using Microsoft.Win32.SafeHandles;

namespace MultiLabel.Data.Caching;

/// <summary>
/// Writes one cache shard: images are added from any thread (each written straight to its slot in the file, never
/// held), failures with their reason; <see cref="Commit"/> writes the index and header and only then renames the
/// temporary file to its shard name. A writer disposed without committing (an error, Ctrl-C) deletes its temporary
/// file, and one a crash leaves behind has a name no reader opens (pruning removes it).
/// </summary>
internal sealed class CacheShardWriter : IDisposable
{
    /// <summary>The extension of committed shards.</summary>
    public const string Extension = ".shard";

    private readonly string temporary;
    private readonly string final;
    private readonly int width;
    private readonly int height;
    private readonly int imageBytes;
    private readonly SafeFileHandle file;
    private readonly List<ShardEntry> entries = [];
    private int slots;
    private bool closed;

    /// <summary>Starts a shard of <paramref name="width"/> × <paramref name="height"/> images in <paramref name="folder"/>.</summary>
    public CacheShardWriter(string folder, int width, int height)
    {
        Directory.CreateDirectory(folder);
        // Names sort by creation time, so a later shard's entry for a file wins over an earlier one's.
        string name = $"{DateTime.UtcNow.Ticks:x16}-{Guid.NewGuid():N}"[..29];
        final = Path.Combine(folder, name + Extension);
        temporary = Path.Combine(folder, $".{name}.{Environment.ProcessId}.tmp");
        (this.width, this.height, imageBytes) = (width, height, 3 * width * height);
        file = File.OpenHandle(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
    }

    /// <summary>Files added so far.</summary>
    public int Count
    {
        get { lock (entries) return entries.Count; }
    }

    /// <summary>Bytes of pixels written so far.</summary>
    public long PixelBytes => (long)Volatile.Read(ref slots) * imageBytes;

    /// <summary>Writes the pixels of <paramref name="key"/>'s file to the next slot; returns the slot.</summary>
    public int Add(FileKey key, ReadOnlySpan<byte> pixels)
    {
        if (pixels.Length != imageBytes) throw new ArgumentException($"An image of this shard holds {imageBytes} bytes.", nameof(pixels));
        int slot = Interlocked.Increment(ref slots) - 1;
        RandomAccess.Write(file, pixels, ShardHeader.Size + (long)slot * imageBytes);
        lock (entries) entries.Add(new ShardEntry(key, slot, null));
        return slot;
    }

    /// <summary>Records that <paramref name="key"/>'s file could not be decoded, and why.</summary>
    public void AddFailure(FileKey key, string reason)
    {
        lock (entries) entries.Add(new ShardEntry(key, -1, string.IsNullOrEmpty(reason) ? "could not be decoded" : reason));
    }

    /// <summary>Writes the index and header and renames the file to its shard name; returns that path. Nothing may be added afterwards.</summary>
    public string Commit()
    {
        ObjectDisposedException.ThrowIf(closed, this);
        ShardEntry[] all;
        lock (entries) all = [.. entries];
        byte[] index = ShardIndex.Encode(all);
        long indexOffset = ShardHeader.Size + (long)slots * imageBytes;
        var header = new ShardHeader(width, height, all.Length, slots, indexOffset, index.Length, ShardHeader.Hash(index));
        RandomAccess.Write(file, index, indexOffset);
        RandomAccess.Write(file, header.ToBytes(), 0);
        RandomAccess.SetLength(file, indexOffset + index.Length);
        file.Dispose();
        File.Move(temporary, final);
        closed = true;
        return final;
    }

    /// <summary>Deletes the temporary file unless <see cref="Commit"/> has renamed it.</summary>
    public void Dispose()
    {
        if (closed) return;
        closed = true;
        file.Dispose();
        try { File.Delete(temporary); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
