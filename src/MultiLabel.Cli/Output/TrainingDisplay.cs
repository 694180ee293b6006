using System.Globalization;
using System.Text.Json;
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
            WriteJson(new Dictionary<string, object>
            {
                ["event"] = "batch", ["epoch"] = batch.Epoch, ["step"] = batch.Step, ["steps"] = batch.Steps,
                ["loss"] = Round(batch.Loss), ["images_per_second"] = Round(batch.ImagesPerSecond), ["eta_seconds"] = Math.Round(batch.Eta.TotalSeconds),
            });
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
            var values = new Dictionary<string, object> { ["event"] = "epoch" };
            foreach (var (name, value) in epoch.Values) values[name] = double.IsFinite(value) ? Round(value) : value.ToString(CultureInfo.InvariantCulture);
            WriteJson(values);
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
        if (mode == DisplayMode.JsonLines) WriteJson(new Dictionary<string, object> { ["event"] = "message", ["message"] = value });
        else if (mode == DisplayMode.Normal) Terminal.Error.MarkupLine($"[grey]{Markup.Escape(value)}[/]");
    }

    public static void WriteJson(IReadOnlyDictionary<string, object> values) =>
        Console.Out.WriteLine(JsonSerializer.Serialize(values, Json.Compact));

    private static double Round(double value) => Math.Round(value, 6);
}
