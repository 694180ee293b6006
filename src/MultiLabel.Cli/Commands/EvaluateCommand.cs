using System.ComponentModel;
using MultiLabel.Cli.Inputs;
using MultiLabel.Cli.Output;
using MultiLabel.Cli.Settings;
using MultiLabel.Data;
using MultiLabel.Files;
using MultiLabel.Inference;
using MultiLabel.Metrics;
using MultiLabel.Reporting;
using MultiLabel.Runs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiLabel.Cli.Commands;

/// <summary><c>multilabel evaluate --model M --data DIR</c>: score a model on labelled images.</summary>
public sealed class EvaluateCommand : Command<EvaluateCommand.Settings>
{
    /// <summary>The options of <c>evaluate</c>: the model (shared with predict and serve), the labelled data and how it is read, and the outputs.</summary>
    public sealed class Settings : InferenceSettings
    {
        [CommandOption("--data <DIR>")]
        [Description("Labelled images: a folder of label-named subfolders or a label file, as for training.")]
        [Importance(OptionImportance.Primary)]
        public string Data { get; init; } = "";

        [CommandOption("--json")]
        [Description("Print exactly one JSON object on stdout: images, skipped, metrics, per_label, unknown_labels, suspect_labels.")]
        public bool Json { get; init; }

        [CommandOption("--report <DIR>")]
        [Description("Write an HTML report to DIR/index.html: the metrics, every image with a wrong label and its heat maps, the suspect labels " +
                     "(pictures in DIR/index_files).")]
        public string? Report { get; init; }

        [CommandOption("--predictions <FILE>")]
        [Description("Write one CSV row per image to FILE: path, true_labels, predicted_labels, exact_match, score_<label> per label, error.")]
        public string? Predictions { get; init; }

        [CommandOption("--no-heat-maps")]
        [Description("Leave the heat maps out of --report (they cost about one more pass over the images with a wrong label).")]
        [Importance(OptionImportance.Tuning)]
        public bool NoHeatMaps { get; init; }

        // The dataset options of DatasetSettings, declared again because these settings derive from the model's
        // (a class has one base); a test keeps the declarations alike.
        [CommandOption("--label-separator <SEP>")]
        [Description(DatasetSettings.LabelSeparatorHelp)]
        [DefaultValue("_")]
        public string LabelSeparator { get; init; } = "_";

        [CommandOption("--label-format <FORMAT>")]
        [Description(DatasetSettings.LabelFormatHelp)]
        [DefaultValue("auto")]
        [TypeConverter(typeof(ChoiceConverter<LabelFileFormat>))]
        public LabelFileFormat LabelFormat { get; init; } = LabelFileFormat.Auto;

        [CommandOption("--images <DIR>")]
        [Description(DatasetSettings.ImagesHelp)]
        public string? Images { get; init; }

        [CommandOption("--follow-links")]
        [Description(DatasetSettings.FollowLinksHelp)]
        public bool FollowLinks { get; init; }

        [CommandOption("--cache-dir <DIR>")]
        [Description(DatasetSettings.CacheDirHelp)]
        [Importance(OptionImportance.Environment)]
        public string? CacheDir { get; init; }

        [CommandOption("--no-cache")]
        [Description(DatasetSettings.NoCacheHelp)]
        [Importance(OptionImportance.Environment)]
        public bool NoCache { get; init; }

        public override ValidationResult Validate()
        {
            var inherited = base.Validate();
            if (!inherited.Successful) return inherited;
            if (string.IsNullOrWhiteSpace(Data)) return ValidationResult.Error("--data is required: a folder of label-named subfolders or a label file.");
            if (NoHeatMaps && Report == null) return ValidationResult.Error("--no-heat-maps goes with --report DIR.");
            return ValidationResult.Success();
        }

        /// <summary>How the labelled images are read, decoded at <paramref name="imageSize"/> pixels.</summary>
        public DatasetLoadOptions ToLoadOptions(int imageSize) => DatasetSettings.LoadOptions(LabelSeparator, LabelFormat, Images, FollowLinks, CacheDir, NoCache, Threads, imageSize);
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string model = settings.ModelFile();
        string data = InputPaths.Dataset(settings.Data, "--data");
        var inputs = new ProtectedFiles().Add(model, "the model");
        if (File.Exists(data)) inputs.Add(data, "the label file");
        RefuseOverwrites(settings, inputs);
        using var predictor = Predictor.Load(model, settings.ToPredictorOptions());
        var load = settings.ToLoadOptions(predictor.ImageSize);
        var evaluation = EvaluationRun.Run(predictor, data, new EvaluationOptions
        {
            Source = load.Source,
            CacheDirectory = load.CacheDirectory,
            Threads = load.Threads,
            Threshold = settings.Threshold,
            BatchSize = settings.BatchSize,
        }, new EvaluationObserver
        {
            Predicting = new PredictProgress(settings.Quiet),
        }, cancellationToken);

        if (evaluation.UnknownLabels.Count > 0)
            Terminal.Error.MarkupLine("[yellow]warning:[/] labels the model does not know (left out of the targets): " +
                                      Shown.Markup(string.Join(", ", evaluation.UnknownLabels.Select(u => $"{u.Key} ({Count(u.Value, "image")})"))));
        if (evaluation.Skipped.Count > 0 && !settings.Json)
            Terminal.Error.MarkupLine($"[yellow]{Count(evaluation.Skipped.Count, "file")} skipped[/] (see `multilabel dataset inspect {Shown.Markup(settings.Data)}` for the reasons)");

        RefuseOverwrites(settings, inputs.Add(evaluation.Images.Select(i => i.Path), "the input image"));
        if (settings.Json) Output.Json.Print(Report.From(evaluation));
        else Print(evaluation);

        if (settings.Predictions is { } rows)
        {
            PredictionTable.WriteEvaluation(rows, evaluation);
            if (!settings.Quiet) Terminal.Error.MarkupLine($"predictions written to {Shown.Markup(Path.GetFullPath(rows))}");
        }
        if (settings.Report is { } folder)
        {
            var options = new EvaluationReportOptions
            {
                ModelPath = model,
                BatchSize = settings.BatchSize,
                HeatMaps = settings.NoHeatMaps ? null : (images, labels) => predictor.Explain(images, labels, settings.BatchSize),
            };
            var progress = new CountProgressReporter("report pictures", EvaluationReport.PicturedImages(evaluation, options), settings.Quiet);
            string path = EvaluationReport.Write(evaluation, folder, options, progress, cancellationToken);
            if (!settings.Quiet) Terminal.Error.MarkupLine($"report written to {Shown.Markup(Path.GetFullPath(path))}");
        }
        return 0;
    }

    /// <summary>Refuses a --predictions file or --report page that would replace the model, the label file or an image.</summary>
    private static void RefuseOverwrites(Settings settings, ProtectedFiles inputs)
    {
        if (settings.Predictions is { } rows) inputs.EnsureNoneReplaced([rows], "Predictions", rows);
        if (settings.Report is { } folder) inputs.EnsureNoneReplaced([Path.Combine(folder, "index.html")], "Report", folder);
    }

    /// <summary>The <c>--json</c> document.</summary>
    private sealed record Report(long Images, int Skipped, IReadOnlyDictionary<string, double?> Metrics,
        IReadOnlyDictionary<string, LabelReport> PerLabel, IReadOnlyDictionary<string, int> UnknownLabels, IReadOnlyList<Suspect> SuspectLabels)
    {
        public static Report From(ModelEvaluation evaluation)
        {
            var result = evaluation.Result;
            return new Report(result.ImageCount, evaluation.Skipped.Count,
                result.SummaryMetrics().ToDictionary(m => m.Key, m => Number(m.Value)),
                result.PerLabel.ToDictionary(l => l.Label, l => new LabelReport(Number(l.Precision), Number(l.Recall), Number(l.F1),
                    Number(l.AveragePrecision), l.Support, l.Threshold, l.TruePositives, l.FalsePositives, l.FalseNegatives,
                    result.ImageCount - l.Support - l.FalsePositives)),
                evaluation.UnknownLabels,
                evaluation.SuspectLabels().Select(s => new Suspect(s.Image.Path, s.Label, s.Given, s.Score)).ToArray());
        }
    }

    /// <summary>One label's results in the <c>--json</c> document, with its confusion counts over the images.</summary>
    private sealed record LabelReport(double? Precision, double? Recall, double? F1, double? AveragePrecision, long Support, float Threshold,
        long TruePositives, long FalsePositives, long FalseNegatives, long TrueNegatives);

    /// <summary>
    /// A given label the model contradicts most confidently (see <see cref="ModelEvaluation.SuspectLabels"/>): <c>given</c>
    /// true when the image carries the label but scores it below 0.05, false when it does not but scores it above 0.95.
    /// </summary>
    private sealed record Suspect(string Path, string Label, bool Given, float Score);

    /// <summary>A metric for JSON: undefined values (a label without positives) become null.</summary>
    private static double? Number(double value) => double.IsFinite(value) ? value : null;

    private static void Print(ModelEvaluation evaluation)
    {
        var result = evaluation.Result;
        var console = Terminal.Out;
        console.MarkupLine($"[bold]{Count(result.ImageCount, "image")}[/] evaluated from {Shown.Markup(evaluation.Data)}" +
                           (evaluation.Skipped.Count > 0 ? $", {evaluation.Skipped.Count} skipped" : ""));
        var summary = new Table().AddColumn("metric").AddColumn(new TableColumn("value").RightAligned());
        foreach (var (name, value) in result.SummaryMetrics()) summary.AddRow(name, Format(value));
        console.Write(summary);

        var labels = new Table().AddColumn("label");
        foreach (string column in new[] { "threshold", "precision", "recall", "F1", "AP", "support" })
            labels.AddColumn(new TableColumn(column).RightAligned());
        foreach (var l in result.PerLabel)
            labels.AddRow(Shown.Markup(l.Label), l.Threshold.ToString("0.###"), Format(l.Precision), Format(l.Recall), Format(l.F1),
                Format(l.AveragePrecision), l.Support.ToString());
        console.Write(labels);

        if (evaluation.ConfusedPairs.Count == 0) return;
        console.MarkupLine("most confused: " + Shown.Markup(string.Join(", ",
            evaluation.ConfusedPairs.Take(5).Select(p => $"{p.Actual} missed, {p.Predicted} predicted ({p.Count})"))));
    }

    private static string Count(long n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string Format(double value) => double.IsNaN(value) ? "—" : value.ToString("0.0000");

    private sealed class PredictProgress(bool quiet) : IProgress<InferenceProgress>
    {
        private CountProgressReporter? inner;

        public void Report(InferenceProgress value) => (inner ??= new CountProgressReporter("predicting images", value.Total, quiet)).Report(value.Done);
    }
}
