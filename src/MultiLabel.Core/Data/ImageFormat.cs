namespace MultiLabel.Data;

/// <summary>Image container formats, recognised by their leading bytes rather than the file extension.</summary>
public enum ImageFormat
{
    /// <summary>Not an image this tool knows.</summary>
    Unknown,
    /// <summary>JPEG (FF D8 FF).</summary>
    Jpeg,
    /// <summary>PNG.</summary>
    Png,
    /// <summary>GIF 87a/89a (first frame is used).</summary>
    Gif,
    /// <summary>Windows bitmap.</summary>
    Bmp,
    /// <summary>WebP (RIFF....WEBP).</summary>
    WebP,
    /// <summary>TIFF: recognised, not decoded.</summary>
    Tiff,
    /// <summary>HEIF/HEIC/AVIF: recognised, not decoded.</summary>
    Heif,
}

/// <summary>Tells an image format from the first bytes of a file.</summary>
public static class ImageFormatSniffer
{
    /// <summary>How many leading bytes <see cref="Detect(ReadOnlySpan{byte})"/> needs to decide.</summary>
    public const int HeaderLength = 16;

    /// <summary>The format whose signature starts <paramref name="header"/>.</summary>
    public static ImageFormat Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return ImageFormat.Jpeg;
        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])) return ImageFormat.Png;
        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8)) return ImageFormat.Gif;
        if (header.StartsWith("BM"u8) && header.Length >= 14) return ImageFormat.Bmp;
        if (header.Length >= 12 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8)) return ImageFormat.WebP;
        if (header.StartsWith("II*\0"u8) || header.StartsWith("MM\0*"u8)) return ImageFormat.Tiff;
        if (header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8)) return ImageFormat.Heif;
        return ImageFormat.Unknown;
    }

    /// <summary>Reads the header of <paramref name="path"/> and detects its format.</summary>
    public static ImageFormat Detect(string path, out long length)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        length = stream.Length;
        Span<byte> header = stackalloc byte[HeaderLength];
        int read = stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false);
        return Detect(header[..read]);
    }

    /// <summary>The usual written name of <paramref name="format"/>: JPEG, PNG, GIF, BMP, WebP.</summary>
    public static string Name(ImageFormat format) => format switch
    {
        ImageFormat.WebP => "WebP",
        ImageFormat.Heif => "HEIF",
        _ => format.ToString().ToUpperInvariant(),
    };

    /// <summary>Why a file that is not a decodable image was left out, in words a user can act on.</summary>
    public static string DescribeNonImage(string path)
    {
        byte[] head = new byte[256];
        int read;
        using (var stream = File.OpenRead(path)) read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return DescribeNonImage(head.AsSpan(0, read));
    }

    /// <summary>Why content starting with <paramref name="bytes"/> is not a decodable image.</summary>
    public static string DescribeNonImage(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > 256) bytes = bytes[..256];
        int read = bytes.Length;
        if (read == 0) return "empty file (0 bytes); delete it or replace it with the real image";
        var format = Detect(bytes);
        if (format is ImageFormat.Tiff or ImageFormat.Heif)
            return $"{Name(format)} images are not supported; convert it to JPEG or PNG";
        bool text = true;
        foreach (byte b in bytes)
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) { text = false; break; }
        return text
            ? "not an image: the file holds text; remove it from the image folder"
            : $"not an image: unrecognised content (starts {Convert.ToHexString(bytes[..Math.Min(4, read)])}); expected JPEG, PNG, GIF, BMP or WebP";
    }
}
