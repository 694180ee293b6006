using System.Globalization;
using System.Text;
using MultiLabel.Data;
using MultiLabel.Files;
using MultiLabel.Inference;
using MultiLabel.Persistence;
using SkiaSharp;
using static System.Net.WebUtility;

namespace MultiLabel.Reporting;

/// <summary>
/// Writes an evaluation as an HTML page (<c>index.html</c>) with its pictures in <c>index_files/</c> beside it: the
/// metric table, the per-label table with its confusion counts, per-label precision/recall/F1 bars, a precision–recall
/// curve per label, every image with a wrong label (paged, filterable by label and by kind, each card with the true and
/// predicted labels, every score, a link to the full image and, when asked for, the heat map of each wrong label),
/// the suspect labels, the label pairs the model confuses most, unknown labels and skipped files. Charts are embedded;
/// the page's script renders the lists from embedded JSON one page at a time, so it stays quick for thousands of mistakes.
/// </summary>
public static class EvaluationReport
{
    /// <summary>The report's file name inside its folder.</summary>
    public const string FileName = "index.html";

    /// <summary>The folder beside the page that holds its pictures.</summary>
    public const string AssetFolder = MistakeGallery.AssetFolder;

    /// <summary>
    /// Writes the report of <paramref name="evaluation"/> to <c><paramref name="folder"/>/index.html</c> (atomically) and
    /// its pictures to <c>index_files/</c>; returns the page's path. <paramref name="progress"/> hears how many images
    /// have their pictures.
    /// </summary>
    public static string Write(ModelEvaluation evaluation, string folder, EvaluationReportOptions? options = null,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        options ??= new EvaluationReportOptions();
        var mistakes = evaluation.Mistakes();
        var suspects = evaluation.SuspectLabels(options.SuspectBelow, options.SuspectAbove);
        Directory.CreateDirectory(folder);
        string data = MistakeGallery.Write(evaluation, mistakes, suspects, folder, options, progress, cancellationToken);
        string path = Path.Combine(folder, FileName);
        AtomicFile.WriteText(path, Render(evaluation, options, mistakes, suspects, data));
        return path;
    }

    /// <summary>The number of pictured images <see cref="Write"/> reports progress over: the mistakes' and the suspect labels' images.</summary>
    public static int PicturedImages(ModelEvaluation evaluation, EvaluationReportOptions? options = null)
    {
        options ??= new EvaluationReportOptions();
        return evaluation.Mistakes().Select(m => m.Index)
            .Concat(evaluation.SuspectLabels(options.SuspectBelow, options.SuspectAbove).Select(s => s.Index)).Distinct().Count();
    }

    private static string Render(ModelEvaluation evaluation, EvaluationReportOptions options, IReadOnlyList<ImageMistake> mistakes,
        IReadOnlyList<SuspectLabel> suspects, string data)
    {
        var result = evaluation.Result;
        var manifest = evaluation.Manifest;
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Evaluation: {E(manifest.Architecture)} on {E(Path.GetFileName(evaluation.Data.TrimEnd('/')))}</title>
            <style>{Asset("report.css")}</style></head><body>
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

        html.Append("<section id=\"per-label\"><h2>Per label</h2><table><tr><th>label</th><th class=\"num\">threshold</th><th class=\"num\">precision</th>" +
                    "<th class=\"num\">recall</th><th class=\"num\">F1</th><th class=\"num\">AP</th><th class=\"num\">support</th>" +
                    "<th class=\"num\" title=\"carried and predicted\">TP</th><th class=\"num\" title=\"predicted, not carried\">FP</th>" +
                    "<th class=\"num\" title=\"carried, not predicted\">FN</th><th class=\"num\" title=\"neither carried nor predicted\">TN</th></tr>");
        foreach (var l in result.PerLabel)
            html.Append($"<tr><td>{E(l.Label)}</td><td class=\"num\">{l.Threshold.ToString("0.000", CultureInfo.InvariantCulture)}</td>" +
                        $"<td class=\"num\">{N(l.Precision)}</td><td class=\"num\">{N(l.Recall)}</td><td class=\"num\">{N(l.F1)}</td>" +
                        $"<td class=\"num\">{N(l.AveragePrecision)}</td><td class=\"num\">{l.Support}</td><td class=\"num\">{l.TruePositives}</td>" +
                        $"<td class=\"num\">{l.FalsePositives}</td><td class=\"num\">{l.FalseNegatives}</td>" +
                        $"<td class=\"num\">{result.ImageCount - l.Support - l.FalsePositives}</td></tr>");
        html.Append("</table>");
        html.Append($"<img class=\"chart\" alt=\"precision, recall and F1 per label\" src=\"{Png(EvaluationCharts.LabelBars(result.PerLabel))}\">");
        html.Append("<p class=\"note\">TP, FP, FN, TN: images that carry the label and got it, got it without carrying it, carry it but did not get it, " +
                    "neither carry nor got it. A label no image carries has no AP (—) and is left out of mAP; its F1 is — and left out of macro F1 " +
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

        html.Append($"<section id=\"mistakes\"><h2>Mistakes</h2><p class=\"note\">{Count(mistakes.Count, "image")} with at least one wrong label, " +
                    "the most confident mistake first (|score − target| of its worst label). Under each picture: <i>wrong</i> marks a label predicted " +
                    "but not carried, <i>missed</i> one carried but not predicted, each with its score. Click a picture for the full image" +
                    (options.HeatMaps != null ? ", a wrong label to see where the model looked for it (its heat map: brighter is stronger evidence)" : "") +
                    ".</p><div class=\"filters\"><label>label <select id=\"mistake-label\"><option value=\"\">any</option></select></label>" +
                    "<label>kind <select id=\"mistake-kind\"><option value=\"\">any</option><option value=\"fp\">false positive (predicted, not carried)</option>" +
                    "<option value=\"fn\">missed (carried, not predicted)</option></select></label></div><div class=\"pager mistake-pager\"></div>" +
                    "<div class=\"grid\" id=\"mistake-list\"></div><div class=\"pager mistake-pager\"></div></section>\n");

        html.Append($"<section id=\"suspects\"><h2>Suspect labels</h2><p class=\"note\">{Count(suspects.Count, "label decision")} the model contradicts " +
                    $"most confidently: a given label scored below {options.SuspectBelow.ToString("0.###", CultureInfo.InvariantCulture)}, or a label not given " +
                    $"scored above {options.SuspectAbove.ToString("0.###", CultureInfo.InvariantCulture)}, most confident first. Check these first when cleaning the data.</p>");
        if (suspects.Count == 0) html.Append("<p>None.</p>");
        else html.Append("<table><thead><tr><th>image</th><th>label</th><th>doubt</th><th class=\"num\">score</th></tr></thead><tbody id=\"suspect-rows\"></tbody></table>" +
                         "<div class=\"pager\" id=\"suspect-pager\"></div>");
        html.Append("</section>\n");

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
        html.Append($"<script type=\"application/json\" id=\"report-data\">{data}</script>\n<script>{Asset("report.js")}</script>\n");
        html.Append("</body></html>\n");
        return html.ToString();
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

    private static string Count(long n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string Png(byte[] png) => "data:image/png;base64," + Convert.ToBase64String(png);

    private static string N(double value) => double.IsNaN(value) ? "—" : value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string E(string text) => HtmlEncode(text);

    /// <summary>The text of the embedded file <c>Reporting/Assets/<paramref name="name"/></c>.</summary>
    private static string Asset(string name)
    {
        using var stream = typeof(EvaluationReport).Assembly.GetManifestResourceStream($"Reporting/Assets/{name}")
            ?? throw new InvalidOperationException($"The report asset {name} is not embedded in {typeof(EvaluationReport).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
