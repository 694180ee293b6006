using System.Runtime.InteropServices;
using MultiLabel.Files;
using SkiaSharp;

namespace MultiLabel.Data;

/// <summary>An image that cannot be decoded; <see cref="Exception.Message"/> is the reason, in words a user can act on.</summary>
public sealed class ImageDecodeException(string reason) : Exception(reason)
{
    /// <summary>True when the image was refused for its size (pixels or bytes) under the budget in force, not for its content.</summary>
    public bool OverBudget { get; init; }
}

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
    /// <summary>
    /// The default pixel budget per image: images that would still hold more pixels than this after the best downscale the
    /// codec allows at decode time (JPEG 1/2, 1/4, 1/8) are refused from their header, before anything is allocated, as
    /// likely decompression bombs. 40 MP is a 7,300 × 5,500 photo; decoding one takes 160 MB.
    /// </summary>
    public const long DefaultMaxPixels = 40_000_000;

    /// <summary>The default budget for a model whose input is <paramref name="inputSize"/> pixels square: 40 MP, more only for inputs past 790 px.</summary>
    public static long DefaultMaxPixelsFor(int inputSize) => Math.Max(DefaultMaxPixels, 64L * inputSize * inputSize);

    /// <summary>The largest file read as an image under <paramref name="maxPixels"/>: four bytes a pixel (an uncompressed 32-bit BMP) and 1 MB.</summary>
    public static long MaxFileBytes(long maxPixels) => 4 * maxPixels + (1 << 20);

    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    /// <summary>Decodes the file at <paramref name="path"/> to <paramref name="width"/> × <paramref name="height"/> RGB, within <paramref name="maxPixels"/>.</summary>
    public static DecodedImage Decode(string path, int width, int height, long maxPixels = DefaultMaxPixels) =>
        Decode(ReadFile(path, maxPixels), width, height, maxPixels);

    /// <summary>
    /// The bytes of the image file at <paramref name="path"/>: only a regular file (never a device or pipe, which could
    /// be endless) of at most <see cref="MaxFileBytes"/> for <paramref name="maxPixels"/>.
    /// </summary>
    public static byte[] ReadFile(string path, long maxPixels = DefaultMaxPixels)
    {
        var identity = FileIdentity.Of(path);
        if (identity is { Kind: not FileKind.Regular } other)
            throw new ImageDecodeException($"is {FileIdentity.Describe(other.Kind)}, not an image file");
        long limit = MaxFileBytes(maxPixels);
        if (identity is { } regular && regular.Size > limit)
            throw new ImageDecodeException($"is {regular.Size / 1e6:0} MB, more than an image within the pixel budget can be ({limit / 1e6:0} MB); it is refused unread") { OverBudget = true };
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            long length = stream.Length;
            if (length > limit) throw new ImageDecodeException($"is {length / 1e6:0} MB, more than an image within the pixel budget can be ({limit / 1e6:0} MB); it is refused unread") { OverBudget = true };
            var bytes = new byte[length];
            stream.ReadExactly(bytes);
            return bytes;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new ImageDecodeException($"cannot be read: {e.Message}"); }
    }

    /// <summary>Decodes encoded image bytes to <paramref name="width"/> × <paramref name="height"/> RGB, within <paramref name="maxPixels"/>.</summary>
    public static DecodedImage Decode(byte[] encoded, int width, int height, long maxPixels = DefaultMaxPixels)
    {
        using var bitmap = DecodeOriented(encoded, width, height, maxPixels);
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
    /// decoded at a reduced scale when that still covers the minimum. An image that would hold more than
    /// <paramref name="maxPixels"/> pixels at that scale is refused from its header, before any pixel memory is
    /// allocated (<see cref="ImageDecodeException.OverBudget"/>). The caller disposes it.
    /// </summary>
    public static SKBitmap DecodeOriented(byte[] encoded, int minWidth = int.MaxValue, int minHeight = int.MaxValue, long maxPixels = DefaultMaxPixels)
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
        if ((long)size.Width * size.Height > maxPixels)
        {
            var declared = codec.Info.Size;
            string scaled = size == declared ? "" : $" even decoded at {size.Width}×{size.Height}";
            throw new ImageDecodeException(
                $"its header declares {declared.Width}×{declared.Height} pixels, which{scaled} is more than the {Megapixels(maxPixels)} megapixels decoded per image; " +
                "it is refused as a likely decompression bomb: downscale it, or raise the pixel budget") { OverBudget = true };
        }

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

    private static string Megapixels(long pixels) => (pixels / 1e6).ToString(pixels % 1_000_000 == 0 ? "0" : "0.#", System.Globalization.CultureInfo.InvariantCulture);

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
