// Shared by every test project (linked from each .csproj): hostile images built at test time, small on disk.
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace MultiLabel.Tests;

/// <summary>
/// Decompression bombs as an attacker sends them: a few KB whose header declares an enormous image. They are meant to be
/// refused from the header, so their pixel data is a stub; what matters is the size the header declares.
/// </summary>
internal static class HostileImages
{
    /// <summary>A PNG whose header declares <paramref name="width"/> × <paramref name="height"/> RGB pixels (the bomb: 13,000²), a few hundred bytes long.</summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;  // bits per channel
        header[9] = 2;  // RGB
        Chunk(png, "IHDR", header);
        using (var rows = new MemoryStream())
        {
            using (var zlib = new ZLibStream(rows, CompressionLevel.Optimal, leaveOpen: true))
                zlib.Write(new byte[Math.Min(1 << 20, 4L * (3L * width + 1))]); // the first rows: zeros
            Chunk(png, "IDAT", rows.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A real 16 × 16 JPEG whose frame header is rewritten to declare <paramref name="width"/> × <paramref name="height"/> (the 4 KB bomb: 65,500²).</summary>
    public static byte[] JpegDeclaring(int width, int height)
    {
        using var bitmap = new SKBitmap(16, 16);
        bitmap.Erase(new SKColor(200, 40, 40));
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        byte[] jpeg = data.ToArray();
        for (int i = 2; i + 9 < jpeg.Length; i++)
        {
            if (jpeg[i] != 0xFF || jpeg[i + 1] is not (0xC0 or 0xC1 or 0xC2)) continue;
            BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(i + 5), (ushort)height);
            BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(i + 7), (ushort)width);
            return jpeg;
        }
        throw new InvalidOperationException("The encoder wrote no frame header.");
    }

    /// <summary>A real, decodable <paramref name="width"/> × <paramref name="height"/> PNG.</summary>
    public static byte[] Png(int width, int height, SKColor colour)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(colour);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>A real 1 × 1 GIF, 43 bytes or so: the 20,000-image request is made of these.</summary>
    public static byte[] TinyGif() => Convert.FromBase64String("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");

    private static void Chunk(Stream png, string type, byte[] body)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, body.Length);
        png.Write(length);
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. body];
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(length, Crc(typed));
        png.Write(length);
    }

    /// <summary>The CRC-32 PNG chunks carry.</summary>
    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
