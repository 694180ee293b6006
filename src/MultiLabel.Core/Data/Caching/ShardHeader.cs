using System.Buffers.Binary;

namespace MultiLabel.Data.Caching;

/// <summary>
/// The first page of a cache shard file. The file is <c>header (4 KiB) · pixels (slots × 3·H·W bytes, uint8 planar RGB)
/// · index (one entry per file: path, length, modification time, slot or error)</c>; the header records where the index
/// is and a hash of it. A shard is written under a temporary name and renamed only once complete, so a file with this
/// name is whole; the lengths and the hash are checked again on every open all the same.
/// </summary>
internal readonly record struct ShardHeader(int Width, int Height, int Entries, int Slots, long IndexOffset, long IndexLength, ulong IndexHash)
{
    /// <summary>Bytes before the first image: one page, so every image of a page-multiple size starts on a page.</summary>
    public const int Size = 4096;

    /// <summary>The format written; files of another version are ignored (and pruned).</summary>
    public const int Version = 2;

    private static ReadOnlySpan<byte> Magic => "MLCS"u8;

    /// <summary>Bytes of one image.</summary>
    public int ImageBytes => 3 * Width * Height;

    /// <summary>The header as it is stored.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Size];
        var span = bytes.AsSpan();
        Magic.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], Version);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], Width);
        BinaryPrimitives.WriteInt32LittleEndian(span[12..], Height);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], Entries);
        BinaryPrimitives.WriteInt32LittleEndian(span[20..], Slots);
        BinaryPrimitives.WriteInt64LittleEndian(span[24..], IndexOffset);
        BinaryPrimitives.WriteInt64LittleEndian(span[32..], IndexLength);
        BinaryPrimitives.WriteUInt64LittleEndian(span[40..], IndexHash);
        return bytes;
    }

    /// <summary>Reads a header; false when <paramref name="bytes"/> is not one of this version or does not fit <paramref name="fileLength"/>.</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, long fileLength, out ShardHeader header)
    {
        header = default;
        if (bytes.Length < 48 || !bytes[..4].SequenceEqual(Magic) || BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]) != Version) return false;
        header = new ShardHeader(
            BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]), BinaryPrimitives.ReadInt32LittleEndian(bytes[12..]),
            BinaryPrimitives.ReadInt32LittleEndian(bytes[16..]), BinaryPrimitives.ReadInt32LittleEndian(bytes[20..]),
            BinaryPrimitives.ReadInt64LittleEndian(bytes[24..]), BinaryPrimitives.ReadInt64LittleEndian(bytes[32..]),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes[40..]));
        return header.Width > 0 && header.Height > 0 && header.Entries >= 0 && header.Slots >= 0 && header.Slots <= header.Entries
               && header.IndexOffset == Size + (long)header.Slots * header.ImageBytes
               && header.IndexLength >= 0 && header.IndexOffset + header.IndexLength == fileLength;
    }

    /// <summary>FNV-1a, 64 bits: enough to tell a damaged index from a whole one.</summary>
    public static ulong Hash(ReadOnlySpan<byte> data)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in data) hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }
}
