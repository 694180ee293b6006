using MultiLabel.Cli.Inputs;
using MultiLabel.Cli.Output;
using MultiLabel.Runs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiLabel.Cli.Commands;

/// <summary><c>multilabel train</c>: fit a model on a dataset and write it with its curves, history and checkpoint.</summary>
public sealed partial class TrainCommand : Command<TrainCommand.Settings>
{
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var mode = settings.Json ? DisplayMode.JsonLines : settings.Quiet ? DisplayMode.Quiet : DisplayMode.Normal;
        var display = new TrainingDisplay(mode);
        var load = settings.ToLoadOptions(0);
        var result = TrainingRun.Run(new TrainingRunOptions
        {
            Data = InputPaths.Dataset(settings.Data, "--data"),
            OutputDirectory = settings.Out,
            Training = settings.ToOptions(),
            ValidationData = settings.ValidationData is { } validation ? InputPaths.Dataset(validation, "--val-data") : null,
            Threads = settings.Threads,
            MaxPixels = settings.MaxPixels,
            Device = settings.Device,
            Source = load.Source,
            CacheDirectory = load.CacheDirectory,
            Resume = settings.Resume,
            Overwrite = settings.Overwrite,
        }, new TrainingObserver
        {
            Decoding = new DecodeProgressReporter(quiet: mode != DisplayMode.Normal),
            Messages = display,
            Callbacks = [display],
        }, cancellationToken);

        var summary = result.Summary;
        if (mode == DisplayMode.JsonLines)
        {
            Json.PrintLine(new Done("done", result.ModelPath, summary.Interrupted, summary.BestEpoch, summary.BestMetric, summary.EpochsRun,
                summary.ImagesPerSecond, summary.FinalMetrics));
        }
        else if (summary.Interrupted)
        {
            Terminal.Error.MarkupLine($"[yellow]interrupted[/] after {summary.EpochsRun} epochs; state saved. Continue with: multilabel train --data {Markup.Escape(settings.Data)} --out {Markup.Escape(settings.Out)} --resume");
        }
        else
        {
            string metrics = string.Join("  ", summary.FinalMetrics.Select(m => $"{m.Key} {m.Value:F4}"));
            Terminal.Out.MarkupLine($"[green]saved[/] {Markup.Escape(result.ModelPath)} (best epoch {summary.BestEpoch}, {summary.Monitor} {summary.BestMetric:F4})");
            if (metrics.Length > 0) Terminal.Out.MarkupLine($"validation with tuned thresholds: {metrics}");
            if (summary.StopReason != null) Terminal.Out.MarkupLine(Markup.Escape(summary.StopReason));
        }
        return summary.Interrupted ? 130 : 0;
    }

    /// <summary>The last JSON line of <c>--json</c>: where the model is and how the run went.</summary>
    private sealed record Done(string Event, string Model, bool Interrupted, int? BestEpoch, double? BestMetric, int EpochsRun,
        double ImagesPerSecond, IReadOnlyDictionary<string, double> FinalMetrics);
}
