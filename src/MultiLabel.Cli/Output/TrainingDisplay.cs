using MultiLabel.Training;
using MultiLabel.Training.Callbacks;
using Spectre.Console;

namespace MultiLabel.Cli.Output;

/// <summary>How a training run reports on the console.</summary>
public enum DisplayMode
{
    /// <summary>A live progress line per epoch on stderr and a summary line per epoch.</summary>
    Normal,
    /// <summary>Only the final summary.</summary>
    Quiet,
    /// <summary>One JSON object per line on stdout: batch (throttled), epoch and done events.</summary>
    JsonLines,
}

/// <summary>Shows training progress: a redrawn bar with step, images/s, loss and ETA, then one line per epoch.</summary>
internal sealed class TrainingDisplay(DisplayMode mode) : ICallback, IProgress<string>
{
    private DateTime lastJsonBatch = DateTime.MinValue;

    public void OnBatchEnd(FitContext context, BatchRecord batch)
    {
        if (mode == DisplayMode.JsonLines)
        {
            if (DateTime.UtcNow - lastJsonBatch < TimeSpan.FromSeconds(2) && batch.Step != batch.Steps) return;
            lastJsonBatch = DateTime.UtcNow;
            Json.PrintLine(new BatchEvent("batch", batch.Epoch, batch.Step, batch.Steps, Round(batch.Loss), Round(batch.ImagesPerSecond), Math.Round(batch.Eta.TotalSeconds)));
            return;
        }
        if (mode != DisplayMode.Normal || !Terminal.ErrorIsInteractive) return;
        const int width = 24;
        int filled = batch.Step * width / batch.Steps;
        Console.Error.Write($"\repoch {batch.Epoch}/{batch.Epochs} [{new string('#', filled)}{new string('-', width - filled)}] " +
                            $"{batch.Step}/{batch.Steps} {batch.ImagesPerSecond,6:F1} img/s loss {batch.Loss:F4} ETA {batch.Eta:mm\\:ss}   ");
    }

    public void OnEpochEnd(FitContext context, EpochRecord epoch)
    {
        if (mode == DisplayMode.JsonLines)
        {
            // The epoch's values are named by the history's columns (loss, val_loss, lr, …), so they stay a dictionary.
            var values = new Dictionary<string, object?> { ["event"] = "epoch" };
            foreach (var (name, value) in epoch.Values) values[name] = double.IsFinite(value) ? Round(value) : null;
            Json.PrintLine(values);
            return;
        }
        if (mode != DisplayMode.Normal) return;
        if (Terminal.ErrorIsInteractive) Console.Error.Write("\r" + new string(' ', 110) + "\r");
        Terminal.Error.MarkupLine(
            $"epoch [bold]{epoch.Epoch}/{context.Options.Epochs}[/]  loss {epoch.Loss:F4}  val_loss {epoch.ValidationLoss:F4}  " +
            $"val_binary_accuracy {epoch["val_binary_accuracy"]:F4}  val_exact_match {epoch["val_exact_match"]:F4}  " +
            $"val_macro_f1 {epoch["val_macro_f1"]:F4}  lr {epoch["lr"]:G3}  {epoch["images_per_second"]:F1} img/s  {epoch["seconds"]:F0}s");
    }

    public void OnInterrupted(FitContext context)
    {
        if (mode == DisplayMode.Normal && Terminal.ErrorIsInteractive) Console.Error.WriteLine();
    }

    /// <summary>A note from the run (skipped file, split, outputs).</summary>
    public void Report(string value)
    {
        if (mode == DisplayMode.JsonLines) Json.PrintLine(new MessageEvent("message", value));
        else if (mode == DisplayMode.Normal) Terminal.Error.MarkupLine($"[grey]{Shown.Markup(SettingFlags.TranslateProse(value))}[/]");
    }

    private static double Round(double value) => Math.Round(value, 6);

    /// <summary>A <c>--json</c> line about a training step (at most one every 2 s, and the last of each epoch).</summary>
    private sealed record BatchEvent(string Event, int Epoch, int Step, int Steps, double Loss, double ImagesPerSecond, double EtaSeconds);

    /// <summary>A <c>--json</c> line carrying a note from the run.</summary>
    private sealed record MessageEvent(string Event, string Message);
}
