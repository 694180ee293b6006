using System.Buffers.Binary;
using System.Text;

namespace MultiLabel.Tests.Hostile;

/// <summary>Where an entry's fields sit in a ZIP file's bytes, so tests can damage a bundle the way a disk or a forger would.</summary>
internal static class ZipLayout
{
    /// <summary>The offset and length of <paramref name="name"/>'s stored data (the entry must be stored, not deflated).</summary>
    public static (int Offset, int Length) StoredData(byte[] zip, string name)
    {
        int header = LocalHeader(zip, name);
        int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(header + 26));
        int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(header + 28));
        int length = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(header + 18));
        return (header + 30 + nameLength + extraLength, length);
    }

    /// <summary>Writes <paramref name="size"/> as <paramref name="name"/>'s uncompressed size in its local and central headers.</summary>
    public static void DeclareSize(byte[] zip, string name, uint size)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(LocalHeader(zip, name) + 22), size);
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(CentralHeader(zip, name) + 24), size);
    }

    private static int LocalHeader(byte[] zip, string name) => Find(zip, [0x50, 0x4B, 0x03, 0x04], 30, 26, name);

    private static int CentralHeader(byte[] zip, string name) => Find(zip, [0x50, 0x4B, 0x01, 0x02], 46, 28, name);

    private static int Find(byte[] zip, byte[] signature, int fixedLength, int nameLengthAt, string name)
    {
        byte[] wanted = Encoding.UTF8.GetBytes(name);
        for (int i = 0; i + fixedLength <= zip.Length; i++)
        {
            if (!zip.AsSpan(i, 4).SequenceEqual(signature)) continue;
            int length = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(i + nameLengthAt));
            if (length == wanted.Length && zip.AsSpan(i + fixedLength, length).SequenceEqual(wanted)) return i;
        }
        throw new InvalidOperationException($"No header for {name} in the archive.");
    }
}
