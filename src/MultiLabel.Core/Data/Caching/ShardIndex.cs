using System.Text;

namespace MultiLabel.Data.Caching;

/// <summary>The index at the end of a cache shard: per file its path, length, modification time, and slot or error.</summary>
internal static class ShardIndex
{
    /// <summary>The stored form of <paramref name="entries"/>.</summary>
    public static byte[] Encode(IReadOnlyList<ShardEntry> entries)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                writer.Write(entry.Key.Path);
                writer.Write(entry.Key.Length);
                writer.Write(entry.Key.ModifiedTicks);
                writer.Write(entry.Slot);
                writer.Write(entry.Error ?? "");
            }
        }
        return stream.ToArray();
    }

    /// <summary>The entries of <paramref name="bytes"/>; null when they do not read as <paramref name="count"/> entries with slots below <paramref name="slots"/>.</summary>
    public static ShardEntry[]? Decode(byte[] bytes, int count, int slots)
    {
        var entries = new ShardEntry[count];
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            for (int i = 0; i < count; i++)
            {
                var key = new FileKey(reader.ReadString(), reader.ReadInt64(), reader.ReadInt64());
                int slot = reader.ReadInt32();
                string error = reader.ReadString();
                if (slot < -1 || slot >= slots || (slot < 0) != (error.Length > 0)) return null;
                entries[i] = new ShardEntry(key, slot, slot < 0 ? error : null);
            }
            return reader.BaseStream.Position == bytes.Length ? entries : null;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException)
        {
            return null;
        }
    }
}
