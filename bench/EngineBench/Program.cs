using System.Diagnostics;
using System.Globalization;
using MultiLabel.Bench;
using MultiLabel.Data;
using MultiLabel.Inference;
using MultiLabel.Models;
using MultiLabel.Native;
using MultiLabel.Persistence;
using MultiLabel.Onnx;

// Per-image latency at batch 1 (p50/p99) and throughput at batch 32 of the prediction engines, on real decoded
// images, for a resnet18-imagenet model (ImageNet backbone, random 24-label head) at each input size.
var options = BenchOptions.Parse(args);
TorchRuntime.Configure(options.Threads);
Console.WriteLine($"# engines benchmark: {CpuModel()}, {Environment.ProcessorCount} logical CPUs, {options.Threads} threads, " +
                  $"{options.LatencyRuns} batch-1 runs, {options.ThroughputBatches} batches of {options.BatchSize}, in {options.Rounds} interleaved rounds; " +
                  $"OMP_WAIT_POLICY={Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") ?? "unset (libgomp default)"}; load average {LoadAverage()}");
Console.WriteLine();
Console.WriteLine("| size | engine | batch 1 p50 ms | batch 1 p99 ms | batch 32 images/s | max Δp vs torch | load avg |");
Console.WriteLine("|---:|---|---:|---:|---:|---:|---|");

string[] labels = Enumerable.Range(0, 24).Select(i => $"label{i:D2}").ToArray();
foreach (int size in options.Sizes)
{
    var images = DecodeImages(options.Images, size, options.ImageCount);
    var manifest = BundleManifest.For(PretrainedResNet18.Name, size, labels);
    // Every engine is measured a slice at a time, round after round, so a burst of load from elsewhere
    // on the machine falls on all of them alike rather than on whichever ran at the time.
    var engines = options.Engines.Select(name => (Name: name, Engine: CreateEngine(name, manifest, options.Threads))).ToArray();
    var measurements = engines.Select(e => new Measurement(e.Engine, images, size, options)).ToArray();
    for (int round = 0; round < options.Rounds; round++)
        foreach (var measurement in measurements) measurement.RunRound(options.Rounds);
    float[]? reference = measurements.FirstOrDefault(m => m.Engine.Kind == InferenceEngine.Torch)?.Probabilities;
    foreach (var (measurement, name) in measurements.Zip(options.Engines))
    {
        string delta = reference is null ? "" : measurement.Probabilities.Zip(reference, (a, b) => Math.Abs(a - b)).Max().ToString("E1", CultureInfo.InvariantCulture);
        Console.WriteLine($"| {size} | {(measurement.Engine is TorchVariantEngine variant ? variant.Name : name)}{(name == "onnx-nhwc" ? " (NHWC file)" : "")} | {measurement.Percentile(0.50):F2} | " +
                          $"{measurement.Percentile(0.99):F2} | {measurement.Throughput:F1} | {delta} | {LoadAverage()} |");
        measurement.Engine.Dispose();
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
            "onnx-nhwc" => new OnnxEngine(ModelExport.ToBytes(network, manifest), manifest, threads),
            _ => throw new ArgumentException($"Unknown engine '{name}'. Use torch, torch-channels-last, torch-no-grad, onnx or onnx-nhwc."),
        };
    }
}

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

