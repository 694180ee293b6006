using System.ComponentModel;
using MultiLabel.Cli.Output;
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
    public sealed class Settings : DatasetSettings
    {
        [CommandOption("--model <FILE>")]
        [Description("The model.mlpkg a training run wrote.")]
        public string Model { get; init; } = "";

        [CommandOption("--data <DIR>")]
        [Description("Labelled images: a folder of label-named subfolders or a label file, as for training.")]
        public string Data { get; init; } = "";

        [CommandOption("--json")]
        [Description("Print exactly one JSON object on stdout: images, skipped, metrics, per_label, unknown_labels.")]
        public bool Json { get; init; }

        [CommandOption("--report <DIR>")]
        [Description("Write a self-contained HTML report to DIR/index.html.")]
        public string? Report { get; init; }

        [CommandOption("--threshold <P>")]
        [Description("One threshold for every label, overriding those stored in the model.")]
        public float? Threshold { get; init; }

        [CommandOption("--batch-size <N>")]
        [Description("Images per forward pass.")]
        [DefaultValue(32)]
        public int BatchSize { get; init; } = 32;

        [CommandOption("--engine <NAME>")]
        [Description("auto (onnx on the CPU, torch on CUDA), torch (TorchSharp) or onnx (ONNX Runtime).")]
        [DefaultValue("auto")]
        public string Engine { get; init; } = "auto";

        [CommandOption("--device <DEVICE>")]
        [Description("auto, cpu or cuda (torch engine).")]
        [DefaultValue("auto")]
        public string Device { get; init; } = "auto";

        [CommandOption("--quiet")]
        [Description("No progress on stderr.")]
        public bool Quiet { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Model)) return ValidationResult.Error("--model is required: the model.mlpkg a training run wrote.");
            if (string.IsNullOrWhiteSpace(Data)) return ValidationResult.Error("--data is required: a folder of label-named subfolders or a CSV label file.");
            if (Threshold is < 0 or > 1) return ValidationResult.Error("--threshold must lie between 0 and 1.");
            if (BatchSize < 1) return ValidationResult.Error("--batch-size must be at least 1.");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var predictor = Predictor.Load(settings.Model, new PredictorOptions { Engine = Choices.Engine(settings.Engine), Threads = settings.Threads, Device = Choices.Device(settings.Device) });
        var load = settings.ToLoadOptions(predictor.ImageSize);
        var evaluation = EvaluationRun.Run(predictor, settings.Data, new EvaluationOptions
        {
            Source = load.Source,
            CacheDirectory = load.CacheDirectory,
            Threads = load.Threads,
            Threshold = settings.Threshold,
            BatchSize = settings.BatchSize,
        }, new EvaluationObserver
        {
            Decoding = new DecodeProgressReporter(settings.Quiet),
            Predicting = new PredictProgress(settings.Quiet),
        }, cancellationToken);

        if (evaluation.UnknownLabels.Count > 0)
            Terminal.Error.MarkupLine("[yellow]warning:[/] labels the model does not know (left out of the targets): " +
                                      Markup.Escape(string.Join(", ", evaluation.UnknownLabels.Select(u => $"{u.Key} ({Count(u.Value, "image")})"))));
        if (evaluation.Skipped.Count > 0 && !settings.Json)
            Terminal.Error.MarkupLine($"[yellow]{Count(evaluation.Skipped.Count, "file")} skipped[/] (see `multilabel dataset inspect {Markup.Escape(settings.Data)}` for the reasons)");

        if (settings.Json) Output.Json.Print(JsonReport(evaluation));
        else Print(evaluation);

        if (settings.Report is { } folder)
        {
            string path = EvaluationReport.Write(evaluation, folder, new EvaluationReportOptions { ModelPath = settings.Model });
            if (!settings.Quiet) Terminal.Error.MarkupLine($"report written to {Markup.Escape(Path.GetFullPath(path))}");
        }
        return 0;
    }

    private static Dictionary<string, object?> JsonReport(ModelEvaluation evaluation)
    {
        var result = evaluation.Result;
        return new Dictionary<string, object?>
        {
            ["images"] = result.ImageCount,
            ["skipped"] = evaluation.Skipped.Count,
            ["metrics"] = result.SummaryMetrics().ToDictionary(m => m.Key, m => Number(m.Value)),
            ["per_label"] = result.PerLabel.ToDictionary(l => l.Label, l => new Dictionary<string, object?>
            {
                ["precision"] = Number(l.Precision),
                ["recall"] = Number(l.Recall),
                ["f1"] = Number(l.F1),
                ["average_precision"] = Number(l.AveragePrecision),
                ["support"] = l.Support,
                ["threshold"] = l.Threshold,
            }),
            ["unknown_labels"] = evaluation.UnknownLabels,
        };
    }

    /// <summary>A metric for JSON: undefined values (a label without positives) become null.</summary>
    private static double? Number(double value) => double.IsFinite(value) ? value : null;

    private static void Print(ModelEvaluation evaluation)
    {
        var result = evaluation.Result;
        var console = Terminal.Out;
        console.MarkupLine($"[bold]{Count(result.ImageCount, "image")}[/] evaluated from {Markup.Escape(evaluation.Data)}" +
                           (evaluation.Skipped.Count > 0 ? $", {evaluation.Skipped.Count} skipped" : ""));
        var summary = new Table().AddColumn("metric").AddColumn(new TableColumn("value").RightAligned());
        foreach (var (name, value) in result.SummaryMetrics()) summary.AddRow(name, Format(value));
        console.Write(summary);

        var labels = new Table().AddColumn("label");
        foreach (string column in new[] { "threshold", "precision", "recall", "F1", "AP", "support" })
            labels.AddColumn(new TableColumn(column).RightAligned());
        foreach (var l in result.PerLabel)
            labels.AddRow(Markup.Escape(l.Label), l.Threshold.ToString("0.###"), Format(l.Precision), Format(l.Recall), Format(l.F1),
                Format(l.AveragePrecision), l.Support.ToString());
        console.Write(labels);

        if (evaluation.ConfusedPairs.Count == 0) return;
        console.MarkupLine("most confused: " + Markup.Escape(string.Join(", ",
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
