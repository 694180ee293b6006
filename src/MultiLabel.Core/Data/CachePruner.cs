using MultiLabel.Data.Caching;

namespace MultiLabel.Data;

/// <summary>What pruning the decode cache did.</summary>
/// <param name="RemovedFiles">Files deleted: stale or damaged shards, leftovers of interrupted writes, entries of the old one-file-per-image format.</param>
/// <param name="CompactedShards">Shards rewritten with only their live images.</param>
/// <param name="RemovedGroups">Dataset × size groups removed whole (nothing live in them, or over the size limit).</param>
/// <param name="FreedBytes">Bytes given back.</param>
/// <param name="RemainingBytes">Bytes the cache holds afterwards.</param>
public sealed record CachePruneReport(int RemovedFiles, int CompactedShards, int RemovedGroups, long FreedBytes, long RemainingBytes);

/// <summary>
/// Removes what the decode cache no longer needs: entries of files that changed or were deleted (a shard with nothing
/// live is deleted, one with less than half of its pixels live is rewritten with the live ones), damaged shards,
/// temporary files interrupted writes left behind, and entries of the earlier one-file-per-image format; then, over a
/// size limit, whole groups (dataset × size) used longest ago. Processes reading a shard while it is deleted keep
/// reading it (Linux keeps an open file until it is closed).
/// </summary>
public static class CachePruner
{
    /// <summary>Temporary files younger than this may belong to a write in progress and are left alone.</summary>
    private static readonly TimeSpan TemporaryAge = TimeSpan.FromHours(1);

    /// <summary>Prunes the cache at <paramref name="root"/>; <paramref name="sizeLimit"/> bytes at most afterwards (0: no limit).</summary>
    public static CachePruneReport Prune(string root, long sizeLimit = 0, CancellationToken cancellationToken = default)
    {
        var tally = new Tally();
        if (!Directory.Exists(root)) return new CachePruneReport(0, 0, 0, 0, 0);
        foreach (string file in SafeFiles(root, "*", SearchOption.AllDirectories))
        {
            // The earlier format: CACHE/WxH/hh/HASH.px, one file per image.
            bool legacy = file.EndsWith(".px", StringComparison.Ordinal) && Path.GetFileName(Path.GetDirectoryName(file))!.Length == 2
                          && Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(file)))!.Contains('x');
            bool leftover = Path.GetFileName(file).StartsWith('.') && file.EndsWith(".tmp", StringComparison.Ordinal)
                            && DateTime.UtcNow - File.GetLastWriteTimeUtc(file) > TemporaryAge;
            if (legacy || leftover) tally.Delete(file);
        }
        foreach (string group in GroupFolders(root))
        {
            cancellationToken.ThrowIfCancellationRequested();
            PruneGroup(group, tally);
        }
        foreach (string folder in SafeDirectories(root).OrderByDescending(f => f.Length)) TryRemoveEmpty(folder);
        if (sizeLimit > 0) EnforceLimit(root, sizeLimit, keep: null, tally);
        return new CachePruneReport(tally.Files, tally.Compacted, tally.Groups, tally.Freed, SizeOf(root));
    }

    /// <summary>Removes the groups used longest ago until the cache holds at most <paramref name="sizeLimit"/> bytes, never <paramref name="keep"/>.</summary>
    internal static void EnforceLimit(string root, long sizeLimit, string? keep) => EnforceLimit(root, sizeLimit, keep, new Tally());

    private static void EnforceLimit(string root, long sizeLimit, string? keep, Tally tally)
    {
        try
        {
            var groups = GroupFolders(root).Select(g => (Folder: g, Bytes: SizeOf(g), Used: LastUse(g))).OrderBy(g => g.Used).ToList();
            long total = SizeOf(root);
            foreach (var group in groups)
            {
                if (total <= sizeLimit) break;
                if (keep != null && Path.GetFullPath(group.Folder) == Path.GetFullPath(keep)) continue;
                foreach (string file in SafeFiles(group.Folder, "*", SearchOption.TopDirectoryOnly)) tally.Delete(file);
                TryRemoveEmpty(group.Folder);
                tally.Groups++;
                total -= group.Bytes;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    private static void PruneGroup(string folder, Tally tally)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var shards = new List<(string Path, CacheShard? Shard)>();
        foreach (string path in SafeFiles(folder, "*" + CacheShardWriter.Extension, SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
            shards.Add((path, CacheShard.TryOpen(path)));
        // Newest first: an entry is live when no newer shard holds its path and the file is still as it was.
        for (int s = shards.Count - 1; s >= 0; s--)
        {
            var (path, shard) = shards[s];
            if (shard is null)
            {
                tally.Delete(path);
                continue;
            }
            var live = shard.Entries.Where(e => seen.Add(e.Key.Path) && e.Key.StillCurrent()).ToArray();
            long liveBytes = live.Count(e => e.Slot >= 0) * (long)shard.ImageBytes, allBytes = shard.Entries.Count(e => e.Slot >= 0) * (long)shard.ImageBytes;
            if (live.Length == 0) tally.Delete(path);
            else if (liveBytes * 2 < allBytes) Compact(folder, shard, live, tally);
            shard.Dispose();
        }
        if (!SafeFiles(folder, "*" + CacheShardWriter.Extension, SearchOption.TopDirectoryOnly).Any())
        {
            // A write in progress (a young temporary file) keeps the folder.
            tally.Delete(Path.Combine(folder, CacheGroup.DatasetFile));
            if (TryRemoveEmpty(folder)) tally.Groups++;
        }
    }

    /// <summary>Rewrites <paramref name="shard"/> with only <paramref name="live"/> of its entries, then deletes it.</summary>
    private static void Compact(string folder, CacheShard shard, IReadOnlyList<ShardEntry> live, Tally tally)
    {
        try
        {
            using (var writer = new CacheShardWriter(folder, shard.Width, shard.Height))
            {
                var buffer = new byte[shard.ImageBytes];
                foreach (var entry in live)
                {
                    if (entry.Slot < 0) writer.AddFailure(entry.Key, entry.Error!);
                    else
                    {
                        shard.Copy(entry.Slot, buffer);
                        writer.Add(entry.Key, buffer);
                    }
                }
                tally.Freed -= new FileInfo(writer.Commit()).Length;
            }
            tally.Delete(shard.Path);
            tally.Compacted++;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    private static IEnumerable<string> GroupFolders(string root) =>
        SafeDirectories(root, SearchOption.TopDirectoryOnly)
            .Where(d => Path.GetFileName(d).Contains('x'))
            .SelectMany(size => SafeDirectories(size, SearchOption.TopDirectoryOnly).Where(g => Path.GetFileName(g).Length > 2));

    private static DateTime LastUse(string group)
    {
        string stamp = Path.Combine(group, CacheGroup.DatasetFile);
        return File.Exists(stamp) ? File.GetLastWriteTimeUtc(stamp) : Directory.GetLastWriteTimeUtc(group);
    }

    private static long SizeOf(string folder) =>
        SafeFiles(folder, "*", SearchOption.AllDirectories).Sum(f => { try { return new FileInfo(f).Length; } catch (IOException) { return 0; } });

    private static IEnumerable<string> SafeFiles(string folder, string pattern, SearchOption option)
    {
        try { return Directory.EnumerateFiles(folder, pattern, new EnumerationOptions { RecurseSubdirectories = option == SearchOption.AllDirectories, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint }).ToArray(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return []; }
    }

    private static IEnumerable<string> SafeDirectories(string folder, SearchOption option = SearchOption.AllDirectories)
    {
        try { return Directory.EnumerateDirectories(folder, "*", new EnumerationOptions { RecurseSubdirectories = option == SearchOption.AllDirectories, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint }).ToArray(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return []; }
    }

    private static bool TryRemoveEmpty(string folder)
    {
        try
        {
            if (Directory.EnumerateFileSystemEntries(folder).Any()) return false;
            Directory.Delete(folder);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    /// <summary>Counts what a prune did.</summary>
    private sealed class Tally
    {
        public int Files;
        public int Compacted;
        public int Groups;
        public long Freed;

        public void Delete(string path)
        {
            try
            {
                long length = new FileInfo(path).Length;
                File.Delete(path);
                Files++;
                Freed += length;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }
}
