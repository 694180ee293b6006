using System.Diagnostics;
using MultiLabel.Inference;
using MultiLabel.Models;
using MultiLabel.Persistence;
using MultiLabel.Onnx;
using TorchSharp;

namespace MultiLabel.Bench;

/// <summary>
/// Inference over pre-decoded images (the raw uint8 file both sides read): every image once in
/// batches, each batch timed, through one engine of the project.
/// </summary>
internal static class Inference
{
    public static Dictionary<string, object> Run(Arguments a)
    {
        string engineName = a.Text("engine", "torch");
        int size = a.Int("size", 128), batch = a.Int("batch", 32), labels = a.Int("labels", 11), count = a.Int("count", 500);
        int threads = a.Int("threads", 0), warmup = a.Int("warmup", 3);
        byte[] raw = File.ReadAllBytes(a.Required("images"));
        int imageBytes = 3 * size * size;
        count = Math.Min(count, raw.Length / imageBytes);
        var manifest = BundleManifest.For(PretrainedResNet18.Name, size, Enumerable.Range(0, labels).Select(i => $"label{i}").ToArray());
        torch.manual_seed(0);
        var network = ModelRegistry.Get(PretrainedResNet18.Name).Create(new ModelRequest(labels, size, LoadPretrainedWeights: false));
        network.eval();
        using IPredictionEngine engine = engineName switch
        {
            "torch" => new TorchEngine(network, manifest, torch.CPU),
            "onnx" => OnnxEngine.Create(network, manifest, threads),
            _ => throw new ArgumentException($"Unknown engine {engineName}"),
        };
        if (engineName != "torch") network.Dispose();

        for (int i = 0; i < warmup; i++) engine.Predict(raw.AsSpan(0, Math.Min(batch, count) * imageBytes), Math.Min(batch, count));
        var latencies = new List<double>();
        var total = Stopwatch.StartNew();
        for (int first = 0; first < count; first += batch)
        {
            int n = Math.Min(batch, count - first);
            long start = Stopwatch.GetTimestamp();
            engine.Predict(raw.AsSpan(first * imageBytes, n * imageBytes), n);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        double seconds = total.Elapsed.TotalSeconds;
        latencies.Sort();
        return new()
        {
            ["images_per_second"] = count / seconds,
            ["p50_ms"] = latencies[latencies.Count / 2],
            ["p99_ms"] = latencies[Math.Min(latencies.Count - 1, (int)(0.99 * latencies.Count))],
            ["images"] = count,
        };
    }
}
