using System.Globalization;
using MultiLabel.Data;
using MultiLabel.Files;
using MultiLabel.Inference;
using SkiaSharp;

namespace MultiLabel.Reporting;

/// <summary>
/// A heat map laid over the image it explains: the image at its own size (upright, as its EXIF orientation says),
/// the map stretched to it (bilinear) and coloured with <see cref="HeatColours"/>, blended more strongly where the
/// evidence is stronger (no evidence leaves a pixel almost as it was), and the label with its score on a dark band at
/// the top left with the colour scale beneath it. Written as PNG.
/// </summary>
public static class HeatMapOverlay
{
    /// <summary>How much of the colour covers a pixel with no evidence (0) and with the strongest (1).</summary>
    private const float FloorOpacity = 0.12f, PeakOpacity = 0.68f;

    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    /// <summary>
    /// Lays <paramref name="map"/> over the encoded image <paramref name="encoded"/>; returns PNG bytes (JPEG when
    /// <paramref name="jpeg"/>). The picture keeps the image's size unless <paramref name="maxSide"/> asks for a smaller one.
    /// </summary>
    /// <exception cref="ImageDecodeException">The image cannot be decoded.</exception>
    public static byte[] Render(byte[] encoded, HeatMap map, int? maxSide = null, bool jpeg = false)
    {
        ArgumentNullException.ThrowIfNull(map);
        int limit = maxSide ?? int.MaxValue;
        using var source = ImageDecoder.DecodeOriented(encoded, limit, limit);
        double scale = Math.Min(1.0, (double)limit / Math.Max(source.Width, source.Height));
        int width = Math.Max(1, (int)Math.Round(source.Width * scale)), height = Math.Max(1, (int)Math.Round(source.Height * scale));
        using var canvasBitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(canvasBitmap))
        using (var image = SKImage.FromBitmap(source))
        {
            canvas.Clear(SKColors.White);
            canvas.DrawImage(image, new SKRect(0, 0, width, height), Sampling);
        }
        Blend(canvasBitmap, map);
        using (var canvas = new SKCanvas(canvasBitmap)) Caption(canvas, width, height, map);
        using var encodedImage = SKImage.FromBitmap(canvasBitmap);
        using var data = encodedImage.Encode(jpeg ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png, 85);
        return data.ToArray();
    }

    /// <summary>Reads the image at <paramref name="source"/>, lays <paramref name="map"/> over it and writes the PNG to <paramref name="destination"/> atomically.</summary>
    /// <exception cref="ImageDecodeException">The image cannot be read or decoded.</exception>
    public static void Save(string source, HeatMap map, string destination, int? maxSide = null)
    {
        byte[] encoded = ImageDecoder.ReadFile(source);
        byte[] png = Render(encoded, map, maxSide, jpeg: destination.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase));
        AtomicFile.Write(destination, stream => stream.Write(png));
    }

    /// <summary>Blends the map, resized bilinearly (pixel centres aligned, as the map itself was resized), into the pixels.</summary>
    private static void Blend(SKBitmap bitmap, HeatMap map)
    {
        int width = bitmap.Width, height = bitmap.Height;
        var pixels = bitmap.GetPixelSpan();
        var rows = new byte[height][];
        Parallel.For(0, height, y =>
        {
            var row = new byte[width * 4];
            double sy = Math.Clamp((y + 0.5) * map.Height / height - 0.5, 0, map.Height - 1);
            int y0 = (int)sy, y1 = Math.Min(y0 + 1, map.Height - 1);
            double fy = sy - y0;
            for (int x = 0; x < width; x++)
            {
                double sx = Math.Clamp((x + 0.5) * map.Width / width - 0.5, 0, map.Width - 1);
                int x0 = (int)sx, x1 = Math.Min(x0 + 1, map.Width - 1);
                double fx = sx - x0;
                double top = map.Values[y0 * map.Width + x0] * (1 - fx) + map.Values[y0 * map.Width + x1] * fx;
                double bottom = map.Values[y1 * map.Width + x0] * (1 - fx) + map.Values[y1 * map.Width + x1] * fx;
                float v = (float)(top * (1 - fy) + bottom * fy);
                var colour = HeatColours.At(v);
                float a = FloorOpacity + (PeakOpacity - FloorOpacity) * v;
                row[4 * x] = colour.Red;
                row[4 * x + 1] = colour.Green;
                row[4 * x + 2] = colour.Blue;
                row[4 * x + 3] = (byte)Math.Round(a * 255);
            }
            rows[y] = row;
        });
        var target = System.Runtime.InteropServices.MemoryMarshal.CreateSpan(
            ref System.Runtime.InteropServices.MemoryMarshal.GetReference(pixels), pixels.Length);
        for (int y = 0; y < height; y++)
        {
            var row = rows[y];
            int offset = y * bitmap.RowBytes;
            for (int x = 0; x < width; x++)
            {
                int p = offset + 4 * x;
                float a = row[4 * x + 3] / 255f;
                for (int c = 0; c < 3; c++) target[p + c] = (byte)Math.Round(target[p + c] * (1 - a) + row[4 * x + c] * a);
                target[p + 3] = 255;
            }
        }
    }

    /// <summary>The label and score on a dark band at the top left, the colour scale (low → high) beneath the text.</summary>
    private static void Caption(SKCanvas canvas, int width, int height, HeatMap map)
    {
        float size = Math.Clamp(MathF.Round(Math.Min(width, height) * 0.09f), 10, 30);
        using var font = new SKFont(PlotFonts.Typeface, size);
        using var text = new SKPaint { Color = SKColors.White, IsAntialias = true };
        using var band = new SKPaint { Color = new SKColor(0, 0, 0, 170) };
        string line = $"{map.Label} {map.Score.ToString("0.00", CultureInfo.InvariantCulture)}";
        float margin = MathF.Max(3, size * 0.3f);
        float textWidth = font.MeasureText(line, text);
        float scaleHeight = MathF.Max(3, size * 0.3f);
        float bandWidth = MathF.Min(width, textWidth + 2 * margin);
        float bandHeight = MathF.Min(height, size * 1.25f + scaleHeight + 1.5f * margin);
        canvas.DrawRect(new SKRect(0, 0, bandWidth, bandHeight), band);
        canvas.DrawText(line, margin, margin + size * 0.95f, SKTextAlign.Left, font, text);
        float top = margin + size * 1.2f, scaleWidth = bandWidth - 2 * margin;
        using var ramp = new SKPaint();
        for (int i = 0; i < (int)scaleWidth; i++)
        {
            ramp.Color = HeatColours.At(i / MathF.Max(1, scaleWidth - 1));
            canvas.DrawRect(new SKRect(margin + i, top, margin + i + 1, top + scaleHeight), ramp);
        }
    }
}
