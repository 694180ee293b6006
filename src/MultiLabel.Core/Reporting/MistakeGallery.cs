using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using MultiLabel.Data;
using MultiLabel.Files;
using MultiLabel.Inference;
using SkiaSharp;

namespace MultiLabel.Reporting;

/// <summary>
/// The picture side of an evaluation report: every mistake and suspect label as compact JSON for the page's script,
/// and their pictures as files in <c>index_files/</c> beside <c>index.html</c> — a thumbnail per image
/// (<c>N.jpg</c>, N its position in the evaluation) and, when heat maps are asked for, one overlay per wrong label
/// (<c>N.L.jpg</c>, L the label's output index). The page loads only the pictures of the cards it shows.
/// </summary>
internal static partial class MistakeGallery
{
    /// <summary>The folder beside <c>index.html</c> that holds the pictures.</summary>
    public const string AssetFolder = "index_files";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Default };

    /// <summary>
    /// Writes the pictures of <paramref name="mistakes"/> and <paramref name="suspects"/> into
    /// <paramref name="folder"/>/index_files (pictures a former report left there are removed first) and returns the
    /// JSON the page renders them from.
    /// </summary>
    public static string Write(ModelEvaluation evaluation, IReadOnlyList<ImageMistake> mistakes, IReadOnlyList<SuspectLabel> suspects,
        string folder, EvaluationReportOptions options, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        string assets = Path.Combine(folder, AssetFolder);
        ClearFormerPictures(assets);
        Directory.CreateDirectory(assets);
        var indices = mistakes.Select(m => m.Index).Concat(suspects.Select(s => s.Index)).Distinct().Order().ToArray();
        var thumbnails = new Dictionary<int, string?>();
        var heatMaps = new Dictionary<int, Dictionary<int, string>>();
        var wrong = mistakes.ToDictionary(m => m.Index, m => m.WrongLabels.ToArray());
        int batchSize = Math.Max(1, options.BatchSize), done = 0;
        for (int start = 0; start < indices.Length; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = indices.AsSpan(start, Math.Min(batchSize, indices.Length - start)).ToArray();
            var pictures = Pictures(evaluation, batch, wrong, assets, options, cancellationToken);
            foreach (var (index, thumbnail, maps) in pictures)
            {
                thumbnails[index] = thumbnail;
                if (maps.Count > 0) heatMaps[index] = maps;
            }
            done += batch.Length;
            progress?.Report(done);
        }

        string Url(string? file) => file is null ? "" : $"{AssetFolder}/{Path.GetFileName(file)}";
        var labels = evaluation.Labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i);
        var data = new Dictionary<string, object>
        {
            ["labels"] = evaluation.Labels,
            ["mistakes"] = mistakes.Select(m => new Dictionary<string, object?>
            {
                ["name"] = ShortName(m.Image.Path),
                ["url"] = ImageUrl(m.Image.Path, folder),
                ["truth"] = m.Image.Labels,
                ["predicted"] = m.Predicted.Select(l => labels[l]),
                ["fp"] = m.FalsePositives.Select(l => labels[l]),
                ["fn"] = m.Missed.Select(l => labels[l]),
                ["scores"] = Scores(evaluation.ScoresOf(m.Index)),
                ["error"] = Math.Round(m.Error, 4),
                ["thumb"] = Url(thumbnails.GetValueOrDefault(m.Index)),
                ["heat"] = heatMaps.GetValueOrDefault(m.Index)?.ToDictionary(h => h.Key.ToString(), h => Url(h.Value)),
            }),
            ["suspects"] = suspects.Select(s => new Dictionary<string, object?>
            {
                ["name"] = ShortName(s.Image.Path),
                ["url"] = ImageUrl(s.Image.Path, folder),
                ["label"] = labels[s.Label],
                ["given"] = s.Given,
                ["score"] = Score(s.Score),
                ["thumb"] = Url(thumbnails.GetValueOrDefault(s.Index)),
            }),
        };
        return JsonSerializer.Serialize(data, Json);
    }

    /// <summary>The thumbnail and heat maps of each image of <paramref name="batch"/>, written; null for an image that cannot be read.</summary>
    private static (int Index, string? Thumbnail, Dictionary<int, string> HeatMaps)[] Pictures(ModelEvaluation evaluation, int[] batch,
        Dictionary<int, string[]> wrong, string assets, EvaluationReportOptions options, CancellationToken cancellationToken)
    {
        int size = evaluation.Manifest.ImageSize;
        var encoded = new byte[batch.Length][];
        var decoded = new DecodedImage?[batch.Length];
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, batch.Length, parallel, i =>
        {
            try
            {
                encoded[i] = ImageDecoder.ReadFile(evaluation.Images[batch[i]].Path);
                if (options.HeatMaps != null && wrong.ContainsKey(batch[i])) decoded[i] = ImageDecoder.Decode(encoded[i], size, size);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ImageDecodeException)
            {
                encoded[i] = [];
            }
        });
        var explained = Enumerable.Range(0, batch.Length).Where(i => decoded[i] != null).ToArray();
        var maps = explained.Length == 0 ? [] : options.HeatMaps!(explained.Select(i => decoded[i]!).ToArray(),
            explained.Select(i => (IReadOnlyList<string>)wrong[batch[i]]).ToArray());
        var mapsOf = explained.Select((i, k) => (i, k)).ToDictionary(x => x.i, x => maps[x.k]);
        var result = new (int, string?, Dictionary<int, string>)[batch.Length];
        Parallel.For(0, batch.Length, parallel, i =>
        {
            int index = batch[i];
            var heat = new Dictionary<int, string>();
            string? thumbnail = Thumbnail(encoded[i], options.ThumbnailSize) is { } jpeg ? Save(assets, $"{index}.jpg", jpeg) : null;
            if (thumbnail != null && mapsOf.TryGetValue(i, out var imageMaps))
                foreach (var map in imageMaps)
                {
                    int label = Array.IndexOf(evaluation.Labels.ToArray(), map.Label);
                    heat[label] = Save(assets, $"{index}.{label}.jpg", HeatMapOverlay.Render(encoded[i], map, options.ThumbnailSize, jpeg: true));
                }
            result[i] = (index, thumbnail, heat);
        });
        return result;
    }

    /// <summary>A JPEG of the image fitted into <paramref name="size"/> pixels, or null when it cannot be decoded.</summary>
    private static byte[]? Thumbnail(byte[] encoded, int size)
    {
        if (encoded.Length == 0) return null;
        try
        {
            using var source = ImageDecoder.DecodeOriented(encoded, size, size);
            double scale = Math.Min(1.0, (double)size / Math.Max(source.Width, source.Height));
            int w = Math.Max(1, (int)Math.Round(source.Width * scale)), h = Math.Max(1, (int)Math.Round(source.Height * scale));
            using var surface = SKSurface.Create(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
            surface.Canvas.Clear(SKColors.White);
            using (var image = SKImage.FromBitmap(source))
                surface.Canvas.DrawImage(image, new SKRect(0, 0, w, h), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
            using var snapshot = surface.Snapshot();
            using var data = snapshot.Encode(SKEncodedImageFormat.Jpeg, 85);
            return data.ToArray();
        }
        catch (ImageDecodeException)
        {
            return null;
        }
    }

    private static string Save(string assets, string name, byte[] bytes)
    {
        string path = Path.Combine(assets, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Removes the pictures a former report wrote (names this class gives: digits, optionally a label index, .jpg); nothing else.</summary>
    private static void ClearFormerPictures(string assets)
    {
        if (!Directory.Exists(assets)) return;
        foreach (string file in Directory.EnumerateFiles(assets))
            if (PictureName().IsMatch(Path.GetFileName(file))) File.Delete(file);
    }

    [GeneratedRegex(@"^\d+(\.\d+)?\.jpg$")]
    private static partial Regex PictureName();

    /// <summary>A link from the report folder to the full image: a relative URL, each path segment escaped.</summary>
    private static string ImageUrl(string image, string folder)
    {
        string relative = Path.GetRelativePath(Path.GetFullPath(folder), Path.GetFullPath(image));
        if (Path.IsPathRooted(relative)) return new Uri(Path.GetFullPath(image)).AbsoluteUri;
        return string.Join('/', relative.Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString));
    }

    private static IEnumerable<double?> Scores(ReadOnlySpan<float> scores) => scores.ToArray().Select(Score).ToArray();

    private static double? Score(float score) => float.IsFinite(score) ? Math.Round(score, 4) : null;

    /// <summary>The image's folder and name, e.g. <c>black_dress/photo.jpg</c>.</summary>
    public static string ShortName(string path) =>
        Path.GetFileName(Path.GetDirectoryName(path)) is { Length: > 0 } folder ? $"{folder}/{Path.GetFileName(path)}" : Path.GetFileName(path);
}
