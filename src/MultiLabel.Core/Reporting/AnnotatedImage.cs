using MultiLabel.Data;
using MultiLabel.Files;
using MultiLabel.Inference;
using MultiLabel.Persistence;
using SkiaSharp;

namespace MultiLabel.Reporting;

/// <summary>
/// A copy of an image with its predicted labels and scores drawn at the top left, as the Keras
/// multi-label tutorial's classify script shows them: the image scaled to <see cref="Width"/> pixels
/// wide, one line <c>label: 98.21%</c> per label, on a dark band so the text stays readable.
/// </summary>
public static class AnnotatedImage
{
    /// <summary>Width of the annotated copy in pixels (the tutorial's 400).</summary>
    public const int Width = 400;

    private const float FontSize = 20;
    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    /// <summary>The text lines drawn for <paramref name="prediction"/>: its labels with their scores, or the best score when no label passed its threshold.</summary>
    public static IReadOnlyList<string> Lines(Prediction prediction)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        if (prediction.Failed) return [$"error: {prediction.Error}"];
        if (prediction.Labels.Count > 0)
            return prediction.Labels.Select(label => $"{label}: {Percent(prediction.Scores[label])}").ToArray();
        if (prediction.Scores.Count == 0) return ["no label"];
        var best = prediction.Scores.MaxBy(s => s.Value);
        return ["no label", $"(best {best.Key}: {Percent(best.Value)})"];
    }

    /// <summary>Draws <paramref name="prediction"/> on the encoded image <paramref name="encoded"/>; returns JPEG bytes, or PNG when <paramref name="png"/>.</summary>
    /// <exception cref="ImageDecodeException">The image cannot be decoded.</exception>
    public static byte[] Render(byte[] encoded, Prediction prediction, bool png = false)
    {
        using var source = ImageDecoder.DecodeOriented(encoded, Width, Width);
        int height = Math.Max(1, (int)Math.Round((double)source.Height * Width / source.Width));
        using var surface = SKSurface.Create(new SKImageInfo(Width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using (var image = SKImage.FromBitmap(source))
            canvas.DrawImage(image, new SKRect(0, 0, Width, height), Sampling);

        using var font = new SKFont(PlotFonts.Typeface, FontSize);
        using var text = new SKPaint { Color = new SKColor(0, 255, 0), IsAntialias = true };
        using var band = new SKPaint { Color = new SKColor(0, 0, 0, 160) };
        var lines = Lines(prediction);
        float lineHeight = FontSize * 1.4f, margin = 8;
        float bandWidth = lines.Max(l => font.MeasureText(l, text)) + 2 * margin;
        canvas.DrawRect(new SKRect(0, 0, Math.Min(Width, bandWidth + margin), margin + lines.Count * lineHeight + margin / 2), band);
        for (int i = 0; i < lines.Count; i++)
            canvas.DrawText(lines[i], margin + 2, margin + FontSize + i * lineHeight, SKTextAlign.Left, font, text);

        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(png ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    /// <summary>
    /// Reads the image at <paramref name="source"/>, draws <paramref name="prediction"/> on it and writes the
    /// copy to <paramref name="destination"/> atomically (PNG when its name ends in .png, JPEG otherwise).
    /// </summary>
    /// <exception cref="ImageDecodeException">The image cannot be read or decoded.</exception>
    public static void Save(string source, Prediction prediction, string destination)
    {
        byte[] encoded = ImageDecoder.ReadFile(source);
        byte[] annotated = Render(encoded, prediction, png: destination.EndsWith(".png", StringComparison.OrdinalIgnoreCase));
        AtomicFile.Write(destination, stream => stream.Write(annotated));
    }

    /// <summary>
    /// Where the annotated copies of <paramref name="sources"/> go inside <paramref name="folder"/>: the
    /// folder layout below their common ancestor is kept, so same-named files from different folders
    /// never collide. Each copy has a name of its own — <c>a.jpg</c> gives <c>a.annotated.jpg</c>, <c>a.png</c>
    /// <c>a.annotated.png</c>, other formats <c>a.gif.annotated.png</c> — so it never takes an original's name.
    /// </summary>
    public static IReadOnlyList<string> OutputPaths(IReadOnlyList<string> sources, string folder)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var full = sources.Select(Path.GetFullPath).ToArray();
        string root = CommonFolder(full);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new string[full.Length];
        for (int i = 0; i < full.Length; i++)
        {
            string relative = Path.GetRelativePath(root, full[i]);
            string extension = Path.GetExtension(relative).ToLowerInvariant();
            relative = extension is ".jpg" or ".jpeg" or ".png"
                ? Path.ChangeExtension(relative, null) + ".annotated" + Path.GetExtension(relative)
                : relative + ".annotated.png";
            string candidate = Path.Combine(folder, relative);
            for (int n = 2; !used.Add(candidate); n++)
                candidate = Path.Combine(folder, Path.ChangeExtension(relative, null) + $"-{n}" + Path.GetExtension(relative));
            result[i] = candidate;
        }
        return result;
    }

    private static string CommonFolder(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0) return Path.GetFullPath(".");
        string common = Path.GetDirectoryName(paths[0])!;
        foreach (string path in paths.Skip(1))
            while (!IsUnder(path, common))
            {
                if (Path.GetDirectoryName(common) is not { } parent) return common; // different roots: nothing in common
                common = parent;
            }
        return common;
    }

    private static bool IsUnder(string path, string folder) =>
        path.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string Percent(float score) => $"{score * 100:F2}%";
}
