using System.Diagnostics;
using System.Globalization;
using MultiLabel.Bench;
using MultiLabel.Data;
using MultiLabel.Inference;
using MultiLabel.Models;
using MultiLabel.Native;
using MultiLabel.Persistence;
using MultiLabel.Persistence.Onnx;

// Per-image latency at batch 1 (p50/p99) and throughput at batch 32 of the prediction engines, on real decoded
// images, for a resnet18-imagenet model (ImageNet backbone, random 24-label head) at each input size.
var options = BenchOptions.Parse(args);
TorchRuntime.Configure(options.Threads);
Console.WriteLine($"# engines benchmark: {CpuModel()}, {Environment.ProcessorCount} logical CPUs, {options.Threads} threads, " +
                  $"{options.LatencyRuns} batch-1 runs, {options.ThroughputBatches} batches of {options.BatchSize}; load average {LoadAverage()}");
Console.WriteLine();
Console.WriteLine("| size | engine | batch 1 p50 ms | batch 1 p99 ms | batch 32 images/s | max Δp vs torch | load avg |");
Console.WriteLine("|---:|---|---:|---:|---:|---:|---|");

string[] labels = Enumerable.Range(0, 24).Select(i => $"label{i:D2}").ToArray();
foreach (int size in options.Sizes)
{
    var images = DecodeImages(options.Images, size, options.ImageCount);
    var manifest = new BundleManifest
    {
        Architecture = PretrainedResNet18.Name, ImageSize = size, Normalization = Normalization.CntkImageNet,
        Labels = labels, Thresholds = labels.Select(_ => 0.5f).ToArray(),
    };
    float[]? reference = null;
    foreach (string name in options.Engines)
    {
        using var engine = CreateEngine(name, manifest, options.Threads);
        var result = Measure(engine, images, size, options);
        reference ??= name == "torch" ? result.Probabilities : null;
        string delta = reference is null ? "" : result.Probabilities.Zip(reference, (a, b) => Math.Abs(a - b)).Max().ToString("E1", CultureInfo.InvariantCulture);
        Console.WriteLine($"| {size} | {engine.Name}{(name == "onnx-nhwc" ? " (NHWC file)" : "")} | {result.P50:F2} | {result.P99:F2} | {result.Throughput:F1} | {delta} | {LoadAverage()} |");
    }
}

static IPredictionEngine CreateEngine(string name, BundleManifest manifest, int threads)
{
    TorchSharp.torch.manual_seed(1);
    var network = PretrainedResNet18.Create(manifest.Labels.Count);
    network.eval();
    switch (name)
    {
        case "torch": return new TorchEngine(network, manifest, TorchSharp.torch.CPU);
        case "torch-channels-last": return new TorchVariantEngine(network, manifest, channelsLast: true, inferenceMode: true);
        case "torch-no-grad": return new TorchVariantEngine(network, manifest, channelsLast: false, inferenceMode: false);
    }
    using (network)
    {
        return name switch
        {
            "onnx" => OnnxEngine.Create(network, manifest, threads),
            "onnx-nhwc" => new OnnxEngine(OnnxExporter.ToBytes(network, manifest), manifest, threads),
            _ => throw new ArgumentException($"Unknown engine '{name}'. Use torch, torch-channels-last, torch-no-grad, onnx or onnx-nhwc."),
        };
    }
}

static Result Measure(IPredictionEngine engine, byte[][] images, int size, BenchOptions options)
{
    int imageBytes = 3 * size * size;
    var batch = new byte[options.BatchSize * imageBytes];
    void Fill(int first)
    {
        for (int i = 0; i < options.BatchSize; i++) images[(first + i) % images.Length].CopyTo(batch, i * imageBytes);
    }

    for (int i = 0; i < 5; i++) engine.Predict(images[i % images.Length], 1);
    Fill(0);
    float[] probabilities = engine.Predict(batch, options.BatchSize);

    var latencies = new double[options.LatencyRuns];
    for (int i = 0; i < latencies.Length; i++)
    {
        long start = Stopwatch.GetTimestamp();
        engine.Predict(images[i % images.Length], 1);
        latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
    Array.Sort(latencies);

    var elapsed = TimeSpan.Zero;
    for (int b = 0; b < options.ThroughputBatches; b++)
    {
        Fill(b * options.BatchSize);
        long start = Stopwatch.GetTimestamp();
        engine.Predict(batch, options.BatchSize);
        elapsed += Stopwatch.GetElapsedTime(start);
    }
    return new Result(Percentile(latencies, 0.50), Percentile(latencies, 0.99),
        options.ThroughputBatches * options.BatchSize / elapsed.TotalSeconds, probabilities);
}

static double Percentile(double[] sorted, double p) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];

static byte[][] DecodeImages(string folder, int size, int count)
{
    var files = Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal)
        .Select(d => Directory.EnumerateFiles(d).Order(StringComparer.Ordinal).Take(count).ToArray())
        .SelectMany(f => f.Select((path, i) => (path, i))).OrderBy(f => f.i).Select(f => f.path).Take(count).ToArray();
    if (files.Length == 0) throw new ArgumentException($"No images under {folder}.");
    return files.Select(f => ImageDecoder.Decode(f, size, size).Pixels).ToArray();
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

static string CpuModel() =>
    File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
        : "unknown CPU";

internal sealed record Result(double P50, double P99, double Throughput, float[] Probabilities);
