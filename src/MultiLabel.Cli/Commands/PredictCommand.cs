using System.ComponentModel;
using System.Text.Json.Serialization;
using MultiLabel.Cli.Output;
using MultiLabel.Cli.Settings;
using MultiLabel.Data;
using MultiLabel.Files;
using MultiLabel.Inference;
using MultiLabel.Reporting;
using MultiLabel.Runs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiLabel.Cli.Commands;

/// <summary><c>multilabel predict --model M PATH...</c>: label images with a trained model.</summary>
public sealed class PredictCommand : Command<PredictCommand.Settings>
{
    /// <summary>The options of <c>predict</c>: the model (shared with evaluate and serve), the images, and how labels are chosen and shown.</summary>
    public sealed class Settings : InferenceSettings
    {
        [CommandArgument(0, "<PATHS>")]
        [Description("Image files, folders (walked recursively) or glob patterns such as 'photos/**/*.jpg'.")]
        public string[] Paths { get; init; } = [];

        [CommandOption("--format <FORMAT>")]
        [Description("table; json (one array: {path, labels, scores} per image, {path, error} where an image cannot be read); " +
                     "jsonl (one such object per line); or csv (path, predicted_labels, score_<label> per label, error).")]
        [DefaultValue("table")]
        [TypeConverter(typeof(ChoiceConverter<PredictionFormat>))]
        public PredictionFormat Format { get; init; } = PredictionFormat.Table;

        [CommandOption("--json")]
        [Description("The same as --format json.")]
        public bool Json { get; init; }

        [CommandOption("--explain <DIR>")]
        [Description("Write each predicted label's heat map over the image (where the model found the label; Grad-CAM) to " +
                     "DIR/<image-stem>.<label>.png; json and jsonl add explanations: {label: {file, center}}, center the map's centre " +
                     "of mass as fractions of width and height from the top left.")]
        public string? Explain { get; init; }

        [CommandOption("--explain-labels <LABELS>")]
        [Description("With --explain: the labels to explain on every image, comma-separated (default: each image's predicted labels).")]
        public string? ExplainLabels { get; init; }

        [CommandOption("--top-k <K>")]
        [Description("Keep at most the K highest-scoring labels per image.")]
        public int? TopK { get; init; }

        [CommandOption("--shard <I/N>")]
        [Description("Predict only part I of N (0-based) of the files: N processes given the same inputs, I = 0 … N−1, together " +
                     "cover every file exactly once (a file's part is a hash of its path). For batch jobs over many machines, e.g. a Kubernetes Indexed Job.")]
        public string? Shard { get; init; }

        [CommandOption("--annotate <DIR>")]
        [Description("Write a copy of each image with its labels and scores drawn on it into DIR (the folder layout is kept).")]
        public string? Annotate { get; init; }

        public override ValidationResult Validate()
        {
            var inherited = base.Validate();
            if (!inherited.Successful) return inherited;
            if (TopK is < 1) return ValidationResult.Error($"--top-k takes 1 or more, not {TopK}.");
            if (Json && Format is not (PredictionFormat.Table or PredictionFormat.Json))
                return ValidationResult.Error($"--json is --format json; it cannot go with --format {Choices.For(typeof(PredictionFormat))!.First(c => c.Value.Equals(Format)).Word}.");
            if (ExplainLabels != null && Explain == null) return ValidationResult.Error("--explain-labels goes with --explain DIR, the folder the heat maps are written to.");
            if (ExplainLabels != null && LabelsToExplain!.Count == 0) return ValidationResult.Error("--explain-labels takes labels separated by commas, not an empty list.");
            if (Shard != null && !FileShard.TryParse(Shard, out _))
                return ValidationResult.Error($"--shard takes I/N with 0 ≤ I < N (part I of N, counted from 0), such as 0/4, not {Shard}.");
            return ValidationResult.Success();
        }

        /// <summary>The part of the files this process predicts.</summary>
        public FileShard Part => Shard is { } text && FileShard.TryParse(text, out var part) ? part : FileShard.All;

        /// <summary>True when results can be written as they come: one line or row per image, nothing that needs them all.</summary>
        public bool Streams => Output is PredictionFormat.Jsonl or PredictionFormat.Csv && Annotate == null && Explain == null;

        /// <summary>How results are written: <c>--json</c> is <c>--format json</c>.</summary>
        public PredictionFormat Output => Json ? PredictionFormat.Json : Format;

        /// <summary>The labels of <c>--explain-labels</c>, or null for each image's predicted labels.</summary>
        public IReadOnlyList<string>? LabelsToExplain =>
            ExplainLabels?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var part = settings.Part;
        // Each file goes to one part; an input that names nothing is reported by part 0 only.
        var inputs = Expand(settings.Paths, cancellationToken).Where(i => i.Error == null ? part.Contains(i.Path) : part.Index == 0).ToList();
        var files = inputs.Where(i => i.Error == null).Select(i => i.Path).ToArray();
        string model = settings.ModelFile();
        var annotations = settings.Annotate is { } annotate ? AnnotatedImage.OutputPaths(files, annotate) : null;
        var protectedFiles = new ProtectedFiles().Add(model, "the model").Add(files, "the input image");
        if (annotations != null) protectedFiles.EnsureNoneReplaced(annotations, "Annotate", settings.Annotate!);
        using var predictor = Predictor.Load(model, settings.ToPredictorOptions());
        if (settings.Explain is { } explain)
        {
            // Every label an overlay could be named after, checked before any work: a refused command changes nothing.
            var everyLabel = files.Select(_ => (IReadOnlyList<string>)predictor.Vocabulary.Labels).ToArray();
            protectedFiles.EnsureNoneReplaced(ExplanationFiles.Paths(files, everyLabel, explain).SelectMany(p => p), ExplanationOptions.FolderSetting, explain);
        }
        var options = new PredictOptions { Threshold = settings.Threshold, TopK = settings.TopK, BatchSize = settings.BatchSize };
        var progress = new CountProgressReporter("predicting images", files.Length, settings.Quiet);
        var predicted = Merge(inputs, predictor.StreamFiles(files, options, cancellationToken), progress);
        int ok = 0, total = 0;
        if (settings.Streams)
        {
            // Written as they come: memory stays flat however many files there are.
            var counted = predicted.Select(r => { total++; if (!r.Failed) ok++; return r; });
            if (settings.Output == PredictionFormat.Csv) PredictionTable.WritePredictions(Console.Out, predictor.Vocabulary.Labels, counted);
            else foreach (var result in counted) Output.Json.PrintLine(Item.From(result, null));
        }
        else
        {
            var results = predicted.ToArray();
            (ok, total) = (results.Count(r => !r.Failed), results.Length);
            if (settings.Annotate is { } folder)
                Annotate(results, files.Zip(annotations!).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal), folder, settings, cancellationToken);
            var explained = settings.Explain is { } maps ? Explain(predictor, results, maps, settings, cancellationToken) : null;
            switch (settings.Output)
            {
                case PredictionFormat.Json:
                    Output.Json.Print(results.Select((r, i) => Item.From(r, explained?[i])).ToArray());
                    break;
                case PredictionFormat.Jsonl:
                    for (int i = 0; i < results.Length; i++) Output.Json.PrintLine(Item.From(results[i], explained?[i]));
                    break;
                case PredictionFormat.Csv:
                    PredictionTable.WritePredictions(Console.Out, predictor.Vocabulary.Labels, results);
                    break;
                default:
                    Print(results);
                    break;
            }
        }

        if (ok == 0 && total > 0)
        {
            Terminal.Error.MarkupLine($"[red]error:[/] none of the {total} inputs could be predicted; see the errors above.");
            return 2;
        }
        return 0;
    }

    /// <summary>The inputs in order, each file's prediction from <paramref name="predictions"/> (in file order) and each input error in its place.</summary>
    private static IEnumerable<Prediction> Merge(IEnumerable<(string Path, string? Error)> inputs, IEnumerable<Prediction> predictions,
        CountProgressReporter progress)
    {
        using var next = predictions.GetEnumerator();
        int done = 0;
        foreach (var (path, error) in inputs)
        {
            if (error != null)
            {
                yield return new Prediction(path, [], new Dictionary<string, float>(), error);
                continue;
            }
            next.MoveNext();
            progress.Report(++done);
            yield return next.Current;
        }
    }

    /// <summary>Every input as files in order (folders and patterns expanded), an input that names nothing as an error in its place.</summary>
    private static List<(string Path, string? Error)> Expand(IEnumerable<string> inputs, CancellationToken cancellationToken)
    {
        var result = new List<(string, string?)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string input in inputs)
        {
            var expanded = ImageFiles.Expand([input], cancellationToken);
            foreach (string file in expanded.Files)
                if (seen.Add(Path.GetFullPath(file))) result.Add((file, null));
            foreach (var left in expanded.Skipped)
                if (seen.Add(left.Path)) result.Add((left.Path, left.Reason));
            if (expanded.Unmatched.Count == 0) continue;
            string error = Directory.Exists(input) ? "the folder holds no images"
                : ImageFiles.IsPattern(input) ? "no file matches this pattern"
                : "no such file or folder";
            result.Add((input, error));
        }
        return result;
    }

    /// <summary>Writes the annotated copy of each predicted image to its target (chosen, and checked against the inputs, before predicting).</summary>
    private static void Annotate(IReadOnlyList<Prediction> results, IReadOnlyDictionary<string, string> targetOf, string folder, Settings settings,
        CancellationToken cancellationToken)
    {
        var ok = results.Where(r => !r.Failed).ToArray();
        var targets = ok.Select(r => targetOf[r.Source]).ToArray();
        var progress = new CountProgressReporter("annotating images", ok.Length, settings.Quiet);
        int done = 0;
        Parallel.For(0, ok.Length, new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = settings.Threads > 0 ? settings.Threads : Environment.ProcessorCount,
        }, i =>
        {
            try { AnnotatedImage.Save(ok[i].Source, ok[i], targets[i]); }
            catch (Exception e) when (e is ImageDecodeException or IOException or UnauthorizedAccessException)
            {
                Terminal.Error.MarkupLine($"[yellow]warning:[/] could not write the annotated copy of {Shown.Markup(ok[i].Source)}: {Shown.Markup(e.Message)}");
            }
            progress.Report(Interlocked.Increment(ref done));
        });
        if (ok.Length > 0 && settings.Output == PredictionFormat.Table && !settings.Quiet)
            Terminal.Error.MarkupLine($"annotated copies in {Shown.Markup(Path.GetFullPath(folder))}");
    }

    /// <summary>Writes the heat maps of the predicted images (see <see cref="ExplanationRun"/>); null in place of images that failed.</summary>
    private static IReadOnlyList<ImageExplanation?> Explain(Predictor predictor, IReadOnlyList<Prediction> results, string folder, Settings settings,
        CancellationToken cancellationToken)
    {
        var explained = ExplanationRun.Run(predictor, results, new ExplanationOptions
        {
            Folder = folder,
            Labels = settings.LabelsToExplain,
            BatchSize = settings.BatchSize,
            Threads = settings.Threads,
        }, new CountProgressReporter("explaining images", results.Count(r => !r.Failed), settings.Quiet), cancellationToken);
        foreach (var failure in explained.Where(e => e?.Error != null))
            Terminal.Error.MarkupLine($"[yellow]warning:[/] no heat map of {Shown.Markup(failure!.Source)}: {Shown.Markup(failure.Error!)}");
        int written = explained.Sum(e => e?.Overlays.Count ?? 0);
        if (!settings.Quiet) Terminal.Error.MarkupLine($"{written} heat {(written == 1 ? "map" : "maps")} in {Shown.Markup(Path.GetFullPath(folder))}");
        return explained;
    }

    private static void Print(IReadOnlyList<Prediction> results)
    {
        var table = new Table().AddColumn("file").AddColumn("labels (score)");
        foreach (var result in results)
        {
            string cell;
            if (result.Error is { } error) cell = $"[red]error:[/] {Shown.Markup(SettingFlags.TranslateProse(error))}";
            else if (result.Labels.Count > 0) cell = string.Join(", ", result.Labels.Select(l => $"[bold]{Shown.Markup(l)}[/] {result.Scores[l]:0.000}"));
            else
            {
                var best = result.Scores.MaxBy(s => s.Value);
                cell = $"[grey]no label (highest: {Shown.Markup(best.Key)} {best.Value:0.000})[/]";
            }
            table.AddRow(new Markup(Shown.Markup(result.Source)), new Markup(cell));
        }
        Terminal.Out.Write(table);
        int failed = results.Count(r => r.Failed);
        int done = results.Count - failed;
        Terminal.Out.MarkupLine($"{done} {(done == 1 ? "image" : "images")} predicted" + (failed > 0 ? $", [red]{failed} could not be read[/]" : ""));
    }

    /// <summary>One element of the <c>--json</c> array (one line of <c>--format jsonl</c>).</summary>
    private sealed record Item(
        string Path,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Labels,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, float?>? Scores,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, Explanation>? Explanations)
    {
        /// <summary>The item of <paramref name="p"/>; a score that is not a number is written as null.</summary>
        public static Item From(Prediction p, ImageExplanation? explained) => p.Failed
            ? new(p.Source, null, null, p.Error, null)
            : new(p.Source, p.Labels, p.Scores.ToDictionary(s => s.Key, s => float.IsFinite(s.Value) ? s.Value : (float?)null), null,
                explained?.Overlays.ToDictionary(o => o.Label, o => new Explanation(o.File, [Math.Round(o.Center.X, 4), Math.Round(o.Center.Y, 4)])));
    }

    /// <summary>One label's heat map in an item: the PNG written, and the map's centre of mass (x, y as fractions from the top left).</summary>
    private sealed record Explanation(string File, double[] Center);
}
