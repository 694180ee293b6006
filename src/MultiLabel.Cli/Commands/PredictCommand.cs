using System.ComponentModel;
using System.Text.Json.Serialization;
using MultiLabel.Cli.Output;
using MultiLabel.Cli.Settings;
using MultiLabel.Data;
using MultiLabel.Inference;
using MultiLabel.Reporting;
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

        [CommandOption("--json")]
        [Description("Print exactly one JSON array on stdout: {path, labels, scores} per image, {path, error} where an image cannot be read.")]
        public bool Json { get; init; }

        [CommandOption("--top-k <K>")]
        [Description("Keep at most the K highest-scoring labels per image.")]
        public int? TopK { get; init; }

        [CommandOption("--annotate <DIR>")]
        [Description("Write a copy of each image with its labels and scores drawn on it into DIR (the folder layout is kept).")]
        public string? Annotate { get; init; }

        public override ValidationResult Validate()
        {
            var inherited = base.Validate();
            if (!inherited.Successful) return inherited;
            if (TopK is < 1) return ValidationResult.Error($"--top-k takes 1 or more, not {TopK}.");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var inputs = Expand(settings.Paths);
        var files = inputs.Where(i => i.Error == null).Select(i => i.Path).ToArray();
        using var predictor = Predictor.Load(settings.ModelFile(), settings.ToPredictorOptions());
        var predicted = predictor.PredictFiles(files, new PredictOptions { Threshold = settings.Threshold, TopK = settings.TopK, BatchSize = settings.BatchSize },
            new CountProgressReporter("predicting images", files.Length, settings.Quiet), cancellationToken);

        int next = 0;
        var results = inputs.Select(i => i.Error is { } error ? new Prediction(i.Path, [], new Dictionary<string, float>(), error) : predicted[next++]).ToArray();
        if (settings.Annotate is { } folder) Annotate(results, folder, settings, cancellationToken);

        if (settings.Json) Output.Json.Print(results.Select(Item.From).ToArray());
        else Print(results);

        int ok = results.Count(r => !r.Failed);
        if (ok == 0)
        {
            Terminal.Error.MarkupLine($"[red]error:[/] none of the {results.Length} inputs could be predicted; see the errors above.");
            return 2;
        }
        return 0;
    }

    /// <summary>Every input as files in order (folders and patterns expanded), an input that names nothing as an error in its place.</summary>
    private static List<(string Path, string? Error)> Expand(IEnumerable<string> inputs)
    {
        var result = new List<(string, string?)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string input in inputs)
        {
            var expanded = ImageFiles.Expand([input]);
            foreach (string file in expanded.Files)
                if (seen.Add(Path.GetFullPath(file))) result.Add((file, null));
            if (expanded.Unmatched.Count == 0) continue;
            string error = Directory.Exists(input) ? "the folder holds no images"
                : ImageFiles.IsPattern(input) ? "no file matches this pattern"
                : "no such file or folder";
            result.Add((input, error));
        }
        return result;
    }

    private static void Annotate(IReadOnlyList<Prediction> results, string folder, Settings settings, CancellationToken cancellationToken)
    {
        var ok = results.Where(r => !r.Failed).ToArray();
        var targets = AnnotatedImage.OutputPaths(ok.Select(r => r.Source).ToArray(), folder);
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
                Terminal.Error.MarkupLine($"[yellow]warning:[/] could not write the annotated copy of {Markup.Escape(ok[i].Source)}: {Markup.Escape(e.Message)}");
            }
            progress.Report(Interlocked.Increment(ref done));
        });
        if (ok.Length > 0 && !settings.Json && !settings.Quiet)
            Terminal.Error.MarkupLine($"annotated copies in {Markup.Escape(Path.GetFullPath(folder))}");
    }

    private static void Print(IReadOnlyList<Prediction> results)
    {
        var table = new Table().AddColumn("file").AddColumn("labels (score)");
        foreach (var result in results)
        {
            string cell;
            if (result.Error is { } error) cell = $"[red]error:[/] {Markup.Escape(error)}";
            else if (result.Labels.Count > 0) cell = string.Join(", ", result.Labels.Select(l => $"[bold]{Markup.Escape(l)}[/] {result.Scores[l]:0.000}"));
            else
            {
                var best = result.Scores.MaxBy(s => s.Value);
                cell = $"[grey]no label (highest: {Markup.Escape(best.Key)} {best.Value:0.000})[/]";
            }
            table.AddRow(new Markup(Markup.Escape(result.Source)), new Markup(cell));
        }
        Terminal.Out.Write(table);
        int failed = results.Count(r => r.Failed);
        int done = results.Count - failed;
        Terminal.Out.MarkupLine($"{done} {(done == 1 ? "image" : "images")} predicted" + (failed > 0 ? $", [red]{failed} could not be read[/]" : ""));
    }

    /// <summary>One element of the <c>--json</c> array.</summary>
    private sealed record Item(
        string Path,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Labels,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, float>? Scores,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error)
    {
        public static Item From(Prediction p) => p.Failed ? new(p.Source, null, null, p.Error) : new(p.Source, p.Labels, p.Scores, null);
    }
}
