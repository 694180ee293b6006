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
            AdaptiveThreads = !settings.FixedThreads,
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
                summary.ImagesPerSecond, summary.FinalMetrics, summary.FinalMetricsAtHalf));
        }
        else if (summary.Interrupted)
        {
            Terminal.Error.MarkupLine($"[yellow]interrupted[/] after {summary.EpochsRun} epochs; state saved. Continue with: {Shown.Markup(TerminalText.Escape(ResumeCommand(context.Arguments)))}");
        }
        else
        {
            string metrics = string.Join("  ", summary.FinalMetrics.Select(m => $"{m.Key} {m.Value:F4}"));
            Terminal.Out.MarkupLine($"[green]saved[/] {Shown.Markup(result.ModelPath)} (best epoch {summary.BestEpoch}, {summary.Monitor} {summary.BestMetric:F4})");
            string atHalf = string.Join("  ", summary.FinalMetricsAtHalf.Select(m => $"{m.Key} {m.Value:F4}"));
            if (atHalf.Length > 0) Terminal.Out.MarkupLine($"validation at threshold 0.5:      {atHalf}");
            if (metrics.Length > 0) Terminal.Out.MarkupLine($"validation with tuned thresholds: {metrics}");
            if (summary.StopReason != null) Terminal.Out.MarkupLine(Shown.Markup(summary.StopReason));
        }
        return summary.Interrupted ? 130 : 0;
    }

    /// <summary>
    /// The command that continues this run: the same command line (its data, validation data, cache and label options all
    /// matter to the run's fingerprint), without <c>--overwrite</c> and with <c>--resume</c>, quoted for a POSIX shell.
    /// </summary>
    internal static string ResumeCommand(IReadOnlyList<string> arguments)
    {
        var words = arguments.Where(a => a != "--overwrite").ToList();
        if (!words.Contains("--resume")) words.Add("--resume");
        return "multilabel " + string.Join(' ', words.Select(Quote));
    }

    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,+@%".Contains(c)) ? word : "'" + word.Replace("'", "'\\''") + "'";

    /// <summary>The last JSON line of <c>--json</c>: where the model is and how the run went.</summary>
    private sealed record Done(string Event, string Model, bool Interrupted, int? BestEpoch, double? BestMetric, int EpochsRun,
        double ImagesPerSecond, IReadOnlyDictionary<string, double> FinalMetrics, IReadOnlyDictionary<string, double> FinalMetricsAtHalf);
}
