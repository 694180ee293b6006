namespace MultiLabel.Persistence;

/// <summary>
/// The CRC-32 a ZIP archive stores for each entry (IEEE 802.3, reflected polynomial 0xEDB88320), computed
/// incrementally so an entry can be checked while it streams past. It detects every single-bit flip and every
/// burst of up to 32 bits; it is a check against damage, not against someone who rewrites the file on purpose.
/// </summary>
internal sealed class Crc32
{
    private static readonly uint[] Table = BuildTable();
    private uint state = 0xFFFFFFFFu;

    /// <summary>The CRC-32 of everything appended so far.</summary>
    public uint Value => ~state;

    /// <summary>Adds <paramref name="bytes"/> to the checksum.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        uint crc = state;
        foreach (byte b in bytes) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        state = crc;
    }

    /// <summary>The CRC-32 of <paramref name="bytes"/>.</summary>
    public static uint Of(ReadOnlySpan<byte> bytes)
    {
        var crc = new Crc32();
        crc.Append(bytes);
        return crc.Value;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
