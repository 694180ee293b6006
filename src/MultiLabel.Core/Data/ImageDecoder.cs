using System.Runtime.InteropServices;
using SkiaSharp;

namespace MultiLabel.Data;

/// <summary>An image that cannot be decoded; <see cref="Exception.Message"/> is the reason, in words a user can act on.</summary>
public sealed class ImageDecodeException(string reason) : Exception(reason);

/// <summary>RGB pixels of one image, planar (channel, row, column), 8 bits per channel.</summary>
/// <param name="Pixels">Length 3 × <paramref name="Height"/> × <paramref name="Width"/>.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public sealed record DecodedImage(byte[] Pixels, int Width, int Height);

/// <summary>
/// Decodes JPEG, PNG, GIF (first frame), BMP and WebP by content, applies the EXIF orientation,
/// drops transparency (the colour channels are kept as stored, as OpenCV's <c>imread</c> and PIL's
/// <c>convert("RGB")</c> do), converts grayscale and CMYK to RGB and resizes (a plain stretch to the
/// target size, as the original recipe's <c>cv2.resize</c> does).
/// </summary>
public static class ImageDecoder
{
    /// <summary>Images larger than this many pixels (after JPEG downscaled decoding) are refused as likely decompression bombs.</summary>
    public const long MaxPixels = 179_000_000;

    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    /// <summary>Decodes the file at <paramref name="path"/> to <paramref name="width"/> × <paramref name="height"/> RGB.</summary>
    public static DecodedImage Decode(string path, int width, int height)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new ImageDecodeException($"cannot be read: {e.Message}"); }
        return Decode(bytes, width, height);
    }

    /// <summary>Decodes encoded image bytes to <paramref name="width"/> × <paramref name="height"/> RGB.</summary>
    public static DecodedImage Decode(byte[] encoded, int width, int height)
    {
        using var bitmap = DecodeOriented(encoded, width, height);
        using var target = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(target))
        using (var image = SKImage.FromBitmap(bitmap))
        {
            canvas.Clear(SKColors.White);
            canvas.DrawImage(image, new SKRect(0, 0, width, height), Sampling);
        }
        return new DecodedImage(ToPlanarRgb(target.GetPixelSpan(), width, height), width, height);
    }

    /// <summary>
    /// Decodes to an upright, opaque bitmap (EXIF orientation applied, alpha dropped), at least
    /// <paramref name="minWidth"/> × <paramref name="minHeight"/> where the source allows; JPEGs are
    /// decoded at a reduced scale when that still covers the minimum. The caller disposes it.
    /// </summary>
    public static SKBitmap DecodeOriented(byte[] encoded, int minWidth = int.MaxValue, int minHeight = int.MaxValue)
    {
        if (encoded.Length == 0) throw new ImageDecodeException("empty file (0 bytes); delete it or replace it with the real image");
        var detected = ImageFormatSniffer.Detect(encoded.AsSpan(0, Math.Min(encoded.Length, ImageFormatSniffer.HeaderLength)));
        if (detected is ImageFormat.Unknown or ImageFormat.Tiff or ImageFormat.Heif)
            throw new ImageDecodeException(ImageFormatSniffer.DescribeNonImage(encoded));
        string format = ImageFormatSniffer.Name(detected);

        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data)
            ?? throw new ImageDecodeException($"corrupt {format}: its header cannot be read; re-export or remove the file");
        var origin = codec.EncodedOrigin;
        bool swapsAxes = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        int needW = swapsAxes ? minHeight : minWidth, needH = swapsAxes ? minWidth : minHeight;

        var size = codec.Info.Size;
        if (size.Width <= 0 || size.Height <= 0)
            throw new ImageDecodeException($"corrupt {format}: it declares a size of {size.Width}×{size.Height}");
        foreach (float scale in new[] { 0.125f, 0.25f, 0.5f })
        {
            var scaled = codec.GetScaledDimensions(scale);
            if (scaled.Width >= needW && scaled.Height >= needH && scaled.Width < size.Width) { size = scaled; break; }
        }
        if ((long)size.Width * size.Height > MaxPixels)
            throw new ImageDecodeException($"{size.Width}×{size.Height} pixels is too large to decode safely; downscale it below {MaxPixels / 1_000_000} megapixels");

        bool hasAlpha = codec.Info.AlphaType != SKAlphaType.Opaque;
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, hasAlpha ? SKAlphaType.Unpremul : SKAlphaType.Opaque);
        var raw = new SKBitmap(info);
        try
        {
            var result = codec.GetPixels(info, raw.GetPixels());
            if (result == SKCodecResult.IncompleteInput)
                throw new ImageDecodeException($"truncated {format}: the file ends before the image data does; re-copy or re-export it");
            if (result is not SKCodecResult.Success)
                throw new ImageDecodeException($"corrupt {format}: the decoder reports {result}; re-export or remove the file");
            if (hasAlpha) DropAlpha(raw);
            if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default) return raw;
            using (raw) return Orient(raw, origin);
        }
        catch
        {
            raw.Dispose();
            throw;
        }
    }

    /// <summary>Makes every RGBA pixel opaque, keeping its stored colour.</summary>
    private static void DropAlpha(SKBitmap bitmap)
    {
        var stored = bitmap.GetPixelSpan();
        var pixels = MemoryMarshal.CreateSpan(ref MemoryMarshal.GetReference(stored), stored.Length);
        for (int i = 3; i < pixels.Length; i += 4) pixels[i] = 255;
    }

    /// <summary>Turns a bitmap stored in EXIF <paramref name="origin"/> upright.</summary>
    private static SKBitmap Orient(SKBitmap raw, SKEncodedOrigin origin)
    {
        float w = raw.Width, h = raw.Height;
        // Each matrix maps a stored pixel (x, y) to its displayed position.
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        bool swaps = matrix.ScaleX == 0;
        var upright = new SKBitmap(new SKImageInfo(swaps ? raw.Height : raw.Width, swaps ? raw.Width : raw.Height, raw.ColorType, raw.AlphaType));
        using var canvas = new SKCanvas(upright);
        using var image = SKImage.FromBitmap(raw);
        canvas.SetMatrix(matrix);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return upright;
    }

    /// <summary>Converts premultiplied RGBA over an opaque background into planar RGB.</summary>
    private static byte[] ToPlanarRgb(ReadOnlySpan<byte> rgba, int width, int height)
    {
        int plane = width * height;
        var planar = new byte[3 * plane];
        for (int i = 0; i < plane; i++)
        {
            planar[i] = rgba[4 * i];
            planar[plane + i] = rgba[4 * i + 1];
            planar[2 * plane + i] = rgba[4 * i + 2];
        }
        return planar;
    }
}
