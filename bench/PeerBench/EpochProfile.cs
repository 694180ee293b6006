using System.Diagnostics;
using MultiLabel.Data;
using MultiLabel.Models;
using MultiLabel.Training;
using MultiLabel.Training.Callbacks;
using TorchSharp;

namespace MultiLabel.Bench;

/// <summary>
/// What the first epoch pays for: Learner.Fit with the default recipe on a subset of real images for a few epochs,
/// every step's wall time and every validation pass timed. Prints per-epoch sums, the first steps of epoch 1 and the
/// median step of each epoch.
/// </summary>
internal static class EpochProfile
{
    public static Dictionary<string, object> Run(Arguments a)
    {
        int size = a.Int("size", 128), images = a.Int("images", 1600), epochs = a.Int("epochs", 2), validationImages = a.Int("validation", 320);
        var (all, order) = BenchDataset.Load(a, size);
        var train = all.Subset(order[..images]);
        var validation = all.Subset(order[images..(images + validationImages)]);
        var options = TrainingOptions.Default with { ImageSize = size, Epochs = epochs };
        torch.manual_seed(0);
        using var network = ModelRegistry.Get(options.Model).Create(new ModelRequest(all.LabelCount, size));
        using var learner = new Learner(network, options, torch.CPU);
        var timer = new StepTimer();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        learner.Fit(train, validation, [timer], "bench");
        var result = new Dictionary<string, object>();
        for (int e = 0; e < timer.Steps.Count; e++)
        {
            var steps = timer.Steps[e];
            result[$"epoch{e + 1}_train_s"] = steps.Sum() / 1000;
            result[$"epoch{e + 1}_validation_s"] = timer.Validation[e] / 1000;
            result[$"epoch{e + 1}_median_step_ms"] = Median(steps);
            result[$"epoch{e + 1}_last_step_ms"] = steps[^1];
            result[$"epoch{e + 1}_first_steps_ms"] = string.Join(" ", steps.Take(8).Select(s => s.ToString("0")));
        }
        result["gen2_collections"] = GC.CollectionCount(2);
        return result;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    /// <summary>Wall time of every step and every validation pass.</summary>
    private sealed class StepTimer : ICallback
    {
        private long last = Stopwatch.GetTimestamp();

        public List<List<double>> Steps { get; } = [];

        public List<double> Validation { get; } = [];

        public void OnFitStart(FitContext context) => last = Stopwatch.GetTimestamp();

        public void OnBatchEnd(FitContext context, BatchRecord batch)
        {
            if (batch.Step == 1) Steps.Add([]);
            Steps[^1].Add(Stopwatch.GetElapsedTime(last).TotalMilliseconds);
            last = Stopwatch.GetTimestamp();
        }

        public void OnEpochEnd(FitContext context, EpochRecord epoch)
        {
            Validation.Add(Stopwatch.GetElapsedTime(last).TotalMilliseconds);
            last = Stopwatch.GetTimestamp();
        }
    }
}
