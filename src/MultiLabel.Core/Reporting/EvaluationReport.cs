using System.Globalization;
using System.Text;
using MultiLabel.Data;
using MultiLabel.Files;
using MultiLabel.Inference;
using MultiLabel.Persistence;
using SkiaSharp;
using static System.Net.WebUtility;

namespace MultiLabel.Reporting;

/// <summary>What an evaluation report shows beyond the metrics.</summary>
public sealed record EvaluationReportOptions
{
    /// <summary>The model file, named in the heading.</summary>
    public string? ModelPath { get; init; }

    /// <summary>How many of the most confidently wrong images are shown.</summary>
    public int Mistakes { get; init; } = 12;

    /// <summary>Longest side of their thumbnails in pixels.</summary>
    public int ThumbnailSize { get; init; } = 160;
}

/// <summary>
/// Writes an evaluation as one self-contained HTML page (<c>index.html</c>; pictures embedded as
/// base64 data URIs, no external assets): the metric table, per-label precision/recall/F1 bars,
/// a precision–recall curve per label, the most confidently wrong images with their true and predicted
/// labels, the label pairs the model confuses most, unknown labels and skipped files.
/// </summary>
public static class EvaluationReport
{
    /// <summary>The report's file name inside its folder.</summary>
    public const string FileName = "index.html";

    /// <summary>Writes the report of <paramref name="evaluation"/> to <c><paramref name="folder"/>/index.html</c>, atomically; returns its path.</summary>
    public static string Write(ModelEvaluation evaluation, string folder, EvaluationReportOptions? options = null)
    {
        string path = Path.Combine(folder, FileName);
        AtomicFile.WriteText(path, Render(evaluation, options));
        return path;
    }

    /// <summary>The report's HTML.</summary>
    public static string Render(ModelEvaluation evaluation, EvaluationReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        options ??= new EvaluationReportOptions();
        var result = evaluation.Result;
        var manifest = evaluation.Manifest;
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Evaluation: {E(manifest.Architecture)} on {E(Path.GetFileName(evaluation.Data.TrimEnd('/')))}</title>
            <style>{Style}</style></head><body>
            <h1>Evaluation report</h1>
            <p class="meta">Model <b>{E(options.ModelPath ?? manifest.Architecture)}</b> ({E(manifest.Architecture)}, {manifest.ImageSize}×{manifest.ImageSize} px,
            {evaluation.Labels.Count} labels) on <b>{E(evaluation.Data)}</b><br>
            {Count(result.ImageCount, "image")} evaluated, {Count(evaluation.Skipped.Count, "file")} skipped;
            {E(ThresholdNote(evaluation))}. Written {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC.</p>

            """);

        html.Append("<section id=\"metrics\"><h2>Metrics</h2><table class=\"metrics\"><tr><th>metric</th><th>value</th><th>meaning</th></tr>");
        foreach (var (name, value, meaning) in Summary(result))
            html.Append($"<tr><td>{name}</td><td class=\"num\">{N(value)}</td><td>{meaning}</td></tr>");
        html.Append("</table></section>\n");

        html.Append("<section id=\"per-label\"><h2>Per label</h2><table><tr><th>label</th><th>threshold</th><th>precision</th><th>recall</th>" +
                    "<th>F1</th><th>AP</th><th>support</th><th>TP</th><th>FP</th><th>FN</th></tr>");
        foreach (var l in result.PerLabel)
            html.Append($"<tr><td>{E(l.Label)}</td><td class=\"num\">{l.Threshold.ToString("0.000", CultureInfo.InvariantCulture)}</td>" +
                        $"<td class=\"num\">{N(l.Precision)}</td><td class=\"num\">{N(l.Recall)}</td><td class=\"num\">{N(l.F1)}</td>" +
                        $"<td class=\"num\">{N(l.AveragePrecision)}</td><td class=\"num\">{l.Support}</td><td class=\"num\">{l.TruePositives}</td>" +
                        $"<td class=\"num\">{l.FalsePositives}</td><td class=\"num\">{l.FalseNegatives}</td></tr>");
        html.Append("</table>");
        html.Append($"<img class=\"chart\" alt=\"precision, recall and F1 per label\" src=\"{Png(EvaluationCharts.LabelBars(result.PerLabel))}\">");
        html.Append("<p class=\"note\">A label no image carries has no AP (—) and is left out of mAP; its F1 is — and left out of macro F1 " +
                    "unless the model predicted it somewhere (then F1 is 0).</p></section>\n");

        html.Append("<section id=\"pr-curves\"><h2>Precision–recall curves</h2><p class=\"note\">The red dot marks the label's threshold.</p><div class=\"grid\">");
        for (int l = 0; l < evaluation.Labels.Count; l++)
        {
            var label = result.PerLabel[l];
            if (label.Support == 0)
            {
                html.Append($"<div class=\"card empty\"><b>{E(label.Label)}</b><br>no image carries this label, so it has no curve</div>");
                continue;
            }
            string png = Png(EvaluationCharts.PrecisionRecall(label.Label, evaluation.PrecisionRecall(l), label.AveragePrecision, evaluation.Thresholds[l]));
            html.Append($"<img alt=\"precision–recall curve of {E(label.Label)}\" src=\"{png}\">");
        }
        html.Append("</div></section>\n");

        var mistakes = evaluation.MostConfidentlyWrong(options.Mistakes);
        html.Append($"<section id=\"mistakes\"><h2>Most confidently wrong</h2><p class=\"note\">The {(mistakes.Count == 1 ? "image" : $"{mistakes.Count} images")} whose worst label decision " +
                    "was furthest from the truth (|score − target|).</p><div class=\"grid\">");
        foreach (var mistake in mistakes)
            html.Append(MistakeCard(mistake, evaluation, options.ThumbnailSize));
        if (mistakes.Count == 0) html.Append("<p>No image has a wrong label decision.</p>");
        html.Append("</div></section>\n");

        html.Append("<section id=\"confused\"><h2>Most confused label pairs</h2><p class=\"note\">Images that carry the first label, which the model " +
                    "missed, while it predicted the second, which they do not carry.</p>");
        if (evaluation.ConfusedPairs.Count == 0) html.Append("<p>No image had a label missed and another one wrongly predicted at once.</p>");
        else
        {
            html.Append("<table><tr><th>carries (missed)</th><th>predicted instead</th><th>images</th></tr>");
            foreach (var pair in evaluation.ConfusedPairs)
                html.Append($"<tr><td>{E(pair.Actual)}</td><td>{E(pair.Predicted)}</td><td class=\"num\">{pair.Count}</td></tr>");
            html.Append("</table>");
        }
        html.Append("</section>\n");

        if (evaluation.UnknownLabels.Count > 0)
        {
            html.Append("<section id=\"unknown\"><h2>Labels the model does not know</h2><p class=\"note\">Left out of the targets; " +
                        "images carrying only these count with all-negative targets.</p><table><tr><th>label</th><th>images</th></tr>");
            foreach (var (label, count) in evaluation.UnknownLabels)
                html.Append($"<tr><td>{E(label)}</td><td class=\"num\">{count}</td></tr>");
            html.Append("</table></section>\n");
        }
        if (evaluation.Skipped.Count > 0)
        {
            html.Append($"<section id=\"skipped\"><h2>Skipped files</h2><details><summary>{Count(evaluation.Skipped.Count, "file")}</summary><table><tr><th>file</th><th>reason</th></tr>");
            foreach (var file in evaluation.Skipped)
                html.Append($"<tr><td>{E(file.Path)}</td><td>{E(file.Reason)}</td></tr>");
            html.Append("</table></details></section>\n");
        }
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static string MistakeCard(ImageMistake mistake, ModelEvaluation evaluation, int size)
    {
        var truth = mistake.Image.Labels.Select(l => evaluation.Labels.Contains(l) ? E(l) : $"<i title=\"unknown to the model\">{E(l)}</i>");
        var predicted = mistake.Predicted.Select(l => mistake.Image.Labels.Contains(l) ? E(l) : $"<span class=\"wrong\">{E(l)}</span>");
        string picture = Thumbnail(mistake.Image.Path, size) is { } uri
            ? $"<img alt=\"{E(Path.GetFileName(mistake.Image.Path))}\" src=\"{uri}\">"
            : "<div class=\"missing\">image unavailable</div>";
        return $"<figure class=\"card\">{picture}<figcaption><div class=\"file\" title=\"{E(mistake.Image.Path)}\">{E(ShortName(mistake.Image.Path))}</div>" +
               $"<div>true: {string.Join(", ", truth)}</div><div>predicted: {(mistake.Predicted.Count == 0 ? "<i>none</i>" : string.Join(", ", predicted))}</div>" +
               $"<div class=\"worst\">worst: {E(mistake.WorstLabel)} {(mistake.Missed ? "missed" : "wrongly predicted")} " +
               $"(score {mistake.WorstScore.ToString("0.000", CultureInfo.InvariantCulture)})</div></figcaption></figure>";
    }

    /// <summary>A JPEG data URI of the image at <paramref name="path"/> fitted into <paramref name="size"/> pixels, or null when it cannot be read.</summary>
    private static string? Thumbnail(string path, int size)
    {
        try
        {
            using var source = ImageDecoder.DecodeOriented(ImageDecoder.ReadFile(path), size, size);
            double scale = Math.Min(1.0, (double)size / Math.Max(source.Width, source.Height));
            int w = Math.Max(1, (int)Math.Round(source.Width * scale)), h = Math.Max(1, (int)Math.Round(source.Height * scale));
            using var surface = SKSurface.Create(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
            surface.Canvas.Clear(SKColors.White);
            using (var image = SKImage.FromBitmap(source))
                surface.Canvas.DrawImage(image, new SKRect(0, 0, w, h), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
            using var snapshot = surface.Snapshot();
            using var data = snapshot.Encode(SKEncodedImageFormat.Jpeg, 85);
            return "data:image/jpeg;base64," + Convert.ToBase64String(data.AsSpan());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ImageDecodeException)
        {
            return null;
        }
    }

    private static IEnumerable<(string Name, double Value, string Meaning)> Summary(Metrics.EvaluationResult r) =>
    [
        ("binary accuracy", r.BinaryAccuracy, "share of correct label decisions over images × labels"),
        ("exact match", r.ExactMatch, "share of images with every label right"),
        ("Hamming loss", r.HammingLoss, "share of wrong label decisions (1 − binary accuracy)"),
        ("micro F1", r.MicroF1, "F1 over all label decisions pooled"),
        ("macro F1", r.MacroF1, "mean F1 over labels, each label counting the same"),
        ("mAP", r.MeanAveragePrecision, "mean average precision over labels: ranking quality, independent of thresholds"),
    ];

    private static string ThresholdNote(ModelEvaluation evaluation)
    {
        var distinct = evaluation.Thresholds.Distinct().ToArray();
        bool stored = evaluation.Thresholds.SequenceEqual(evaluation.Manifest.Thresholds);
        string which = distinct.Length == 1 ? $"threshold {distinct[0].ToString("0.###", CultureInfo.InvariantCulture)} for every label" : "per-label thresholds";
        return which + (stored ? " (stored in the model)" : " (given on the command line)");
    }

    private static string ShortName(string path) =>
        Path.GetFileName(Path.GetDirectoryName(path)) is { Length: > 0 } folder ? $"{folder}/{Path.GetFileName(path)}" : Path.GetFileName(path);

    private static string Count(long n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string Png(byte[] png) => "data:image/png;base64," + Convert.ToBase64String(png);

    private static string N(double value) => double.IsNaN(value) ? "—" : value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string E(string text) => HtmlEncode(text);

    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:2em auto;max-width:1200px;padding:0 1em;color:#222}
        h1{margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:1px solid #ddd;padding-bottom:.2em}
        .meta{color:#444;line-height:1.5}.note{color:#666;font-size:.9em}
        table{border-collapse:collapse;margin:.5em 0}th,td{padding:.3em .8em;border-bottom:1px solid #eee;text-align:left}
        th{background:#f6f6f6}td.num{text-align:right;font-variant-numeric:tabular-nums}
        img.chart{max-width:100%;display:block;margin:1em 0}
        .grid{display:flex;flex-wrap:wrap;gap:12px}
        .card{width:200px;margin:0;border:1px solid #ddd;border-radius:6px;padding:8px;font-size:.85em;background:#fafafa}
        .card img{display:block;margin:0 auto 6px;max-width:184px;max-height:184px}
        .card.empty{width:320px;color:#666}
        .file{font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
        .wrong{color:#c0392b;font-weight:600}.worst{color:#666}.missing{height:120px;color:#999}
        """;
}
