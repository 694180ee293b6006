using MultiLabel.Data;
using MultiLabel.Data.Transforms;
using MultiLabel.Models;
using MultiLabel.Training;
using MultiLabel.Training.Callbacks;
using TorchSharp;

namespace MultiLabel.Bench;

/// <summary>
/// The project's full <see cref="Learner.Fit"/> epoch on real images: decode cache, batch building,
/// Keras-style augmentation, the step, training metrics; the epoch's training throughput is reported
/// (validation, a small fixed set, is not part of it). Optionally stops after some steps.
/// </summary>
internal static class FitTraining
{
    public static Dictionary<string, object> Run(Arguments a)
    {
        string model = a.Text("model", "resnet18");
        int size = a.Int("size", 128), batch = a.Int("batch", 16), images = a.Int("images", 0), stopAfter = a.Int("steps", 0);
        var (all, order) = BenchDataset.Load(a, size);
        // Every k-th image trains, the 64 images after the training ones validate.
        int trainCount = images > 0 ? Math.Min(images, all.Count - 64) : all.Count - 64;
        var train = all.Subset(order[..trainCount]);
        var validation = all.Subset(order[trainCount..(trainCount + 64)]);

        var options = TrainingOptions.Default with
        {
            Model = model, ImageSize = size, BatchSize = batch, Epochs = 1, Optimizer = OptimizerKind.Adam,
            LearningRate = 1e-3, HeadLearningRate = null, WeightDecay = 0, Schedule = LearningRateSchedule.Constant,
            Augmentation = a.Text("augment", "on") == "off" ? AugmentationOptions.None : AugmentationOptions.Original,
        };
        torch.manual_seed(0);
        using var network = ModelRegistry.Get(model).Create(new ModelRequest(all.LabelCount, size, LoadPretrainedWeights: false));
        using var learner = new Learner(network, options, torch.CPU);
        using var cancel = new CancellationTokenSource();
        var stopper = new StopAfter(stopAfter, cancel);
        var history = learner.Fit(train, validation, [stopper], "bench", null, cancel.Token);
        var result = new Dictionary<string, object>
        {
            ["train_images"] = train.Count,
            ["steps"] = stopper.Steps,
            // After the warm-up steps, as the Python peer's bare loop is timed.
            ["images_per_second"] = stopper.SteadyImagesPerSecond,
            ["epoch_images_per_second"] = history.Epochs.Count > 0 ? history.Epochs[0]["images_per_second"] : stopper.ImagesPerSecond,
        };
        result["peak_rss_mb"] = PeakRss.Megabytes();
        var gc = GC.GetGCMemoryInfo();
        result["gc_heap_mb"] = gc.HeapSizeBytes / 1048576.0;
        result["gc_committed_mb"] = gc.TotalCommittedBytes / 1048576.0;
        return result;
    }

    /// <summary>Counts steps, times those after the first <see cref="WarmupSteps"/>, and cancels after <c>steps</c> when given.</summary>
    private sealed class StopAfter(int steps, CancellationTokenSource cancel) : ICallback
    {
        private const int WarmupSteps = 2;
        private long warm;
        private int warmImages;
        private double seconds;

        public int Steps { get; private set; }

        public double ImagesPerSecond { get; private set; }

        public double SteadyImagesPerSecond => seconds > 0 ? warmImages / seconds : ImagesPerSecond;

        public void OnBatchEnd(FitContext context, BatchRecord batch)
        {
            Steps = batch.Step;
            ImagesPerSecond = batch.ImagesPerSecond;
            if (batch.Step == WarmupSteps) warm = System.Diagnostics.Stopwatch.GetTimestamp();
            else if (batch.Step > WarmupSteps && batch.Step < batch.Steps)
            {
                // The last step of an epoch may be a short batch; it is left out.
                warmImages += context.Options.BatchSize;
                seconds = System.Diagnostics.Stopwatch.GetElapsedTime(warm).TotalSeconds;
            }
            if (steps > 0 && batch.Step >= steps) cancel.Cancel();
        }
    }
}
