using System.Diagnostics;
using MultiLabel.Inference;

namespace MultiLabel.Bench;

/// <summary>
/// Offline batch prediction (decode in parallel, then one forward pass per batch) of the images the
/// load run sends: the throughput to compare with, and the CPU time per image (fairer on a shared machine).
/// </summary>
internal static class OfflineRun
{
    public static int Measure(string model, string folder, int count, int batchSize)
    {
        var images = BenchImages.Load(folder, count);
        using var predictor = Predictor.Load(model);
        var options = new PredictOptions { BatchSize = batchSize };
        predictor.PredictEncoded(images[..batchSize], options: options); // warm-up
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var predictions = predictor.PredictEncoded(images, options: options);
        watch.Stop();
        process.Refresh();
        double cpuMsPerImage = (process.TotalProcessorTime - cpu).TotalMilliseconds / count;
        int failed = predictions.Count(p => p.Failed);
        Console.WriteLine($"offline_images={count} offline_batch={batchSize} offline_seconds={watch.Elapsed.TotalSeconds:F2} " +
                          $"offline_images_per_second={count / watch.Elapsed.TotalSeconds:F1} offline_cpu_ms_per_image={cpuMsPerImage:F1} offline_failed={failed}");
        return failed == 0 ? 0 : 1;
    }
}
