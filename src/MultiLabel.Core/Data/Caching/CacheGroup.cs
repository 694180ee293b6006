using System.Security.Cryptography;
using System.Text;
using MultiLabel.Files;

namespace MultiLabel.Data.Caching;

/// <summary>
/// The cache of one dataset at one size: a folder <c>CACHE/WxH/HASH/</c> of shard files and a <c>dataset.txt</c> naming
/// the dataset (its modification time is when the group was last used). The newest shard's entry for a file wins.
/// </summary>
internal sealed class CacheGroup
{
    /// <summary>The file naming a group's dataset; its modification time marks the last use.</summary>
    public const string DatasetFile = "dataset.txt";

    private readonly Dictionary<string, (int Shard, ShardEntry Entry)> byPath = new(StringComparer.Ordinal);
    private readonly List<CacheShard> shards = [];

    private CacheGroup(string folder, string dataset, int width, int height)
    {
        Folder = folder;
        Dataset = dataset;
        (Width, Height) = (width, height);
    }

    /// <summary>The group's folder.</summary>
    public string Folder { get; }

    /// <summary>The dataset folder, label file or common folder of the images.</summary>
    public string Dataset { get; }

    /// <summary>Image width.</summary>
    public int Width { get; }

    /// <summary>Image height.</summary>
    public int Height { get; }

    /// <summary>The shards read, oldest first.</summary>
    public IReadOnlyList<CacheShard> Shards => shards;

    /// <summary>The folder of <paramref name="dataset"/>'s group at <paramref name="width"/> × <paramref name="height"/> under <paramref name="root"/>.</summary>
    public static string FolderOf(string root, string dataset, int width, int height)
    {
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dataset)))[..20];
        return Path.Combine(root, $"{width}x{height}", hash);
    }

    /// <summary>
    /// Reads the group of <paramref name="dataset"/> under <paramref name="root"/> (an empty one when it has none yet).
    /// A shard that is damaged or of another format is left out (pruning deletes it).
    /// </summary>
    public static CacheGroup Open(string root, string dataset, int width, int height)
    {
        var group = new CacheGroup(FolderOf(root, dataset, width, height), dataset, width, height);
        if (!Directory.Exists(group.Folder)) return group;
        foreach (string path in Directory.EnumerateFiles(group.Folder, "*" + CacheShardWriter.Extension).Order(StringComparer.Ordinal))
        {
            var shard = CacheShard.TryOpen(path);
            if (shard is null) continue;
            if (shard.Width == width && shard.Height == height) group.Add(shard);
            else shard.Dispose();
        }
        return group;
    }

    /// <summary>Adds a shard (newer than every one before it) to the lookup.</summary>
    public int Add(CacheShard shard)
    {
        shards.Add(shard);
        int index = shards.Count - 1;
        foreach (var entry in shard.Entries) byPath[entry.Key.Path] = (index, entry);
        return index;
    }

    /// <summary>The entry for <paramref name="key"/>'s file when the group holds it at that length and time.</summary>
    public bool TryFind(FileKey key, out int shard, out ShardEntry entry)
    {
        if (byPath.TryGetValue(key.Path, out var found) && found.Entry.Key == key)
        {
            (shard, entry) = found;
            return true;
        }
        (shard, entry) = (-1, null!);
        return false;
    }

    /// <summary>Marks the group used now (and names its dataset), for pruning by age; failures only cost pruning accuracy.</summary>
    public void Touch()
    {
        try
        {
            string file = Path.Combine(Folder, DatasetFile);
            if (!File.Exists(file)) AtomicFile.Write(file, s => s.Write(Encoding.UTF8.GetBytes(Dataset)), durable: false);
            else File.SetLastWriteTimeUtc(file, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
