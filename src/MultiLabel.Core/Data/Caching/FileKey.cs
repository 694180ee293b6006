namespace MultiLabel.Data.Caching;

/// <summary>What identifies a file's content to the cache: its full path, length and last modification time.</summary>
/// <param name="Path">The full path, as given (a link is its own entry).</param>
/// <param name="Length">Length in bytes of the file it names.</param>
/// <param name="ModifiedTicks">Last write time, UTC ticks.</param>
internal readonly record struct FileKey(string Path, long Length, long ModifiedTicks)
{
    /// <summary>The key of the file at <paramref name="path"/>; false when it cannot be read (missing, no permission).</summary>
    public static bool TryRead(string path, out FileKey key)
    {
        key = default;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return false;
            key = new FileKey(info.FullName, info.Length, info.LastWriteTimeUtc.Ticks);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>True when the file at <see cref="Path"/> still has this length and time.</summary>
    public bool StillCurrent() => TryRead(Path, out var now) && now == this;
}
