using System.Diagnostics;
using System.Globalization;
using Google.Protobuf;
using MultiLabel.Models;
using MultiLabel.Native;
using MultiLabel.Onnx;
using MultiLabel.Persistence;

// The ONNX wire format's cost where the project pays it: exporting (steps → ModelProto → bytes) a resnet18-imagenet
// at 128 px and a resnet50 at 224 px, serialising alone, and reading the packaged ResNet18.onnx with every weight
// decoded (what the pretrained backbone import does). Times in ms: the first run (cold, JIT included) and the
// median of the next ones.
int runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
TorchRuntime.Configure(1);
Console.WriteLine($"# ONNX wire format: generated types (Google.Protobuf), {runs} runs after a cold one; load average {LoadAverage()}");
Console.WriteLine("| what | first ms | median ms | bytes |");
Console.WriteLine("|---|---:|---:|---:|");
string[] labels = Enumerable.Range(0, 24).Select(i => $"label{i:D2}").ToArray();
foreach (var (architecture, size) in new[] { ("resnet18-imagenet", 128), ("resnet50", 224) })
{
    var info = ModelRegistry.Get(architecture);
    TorchSharp.torch.manual_seed(1);
    using var network = info.Create(new ModelRequest(labels.Length, size, LoadPretrainedWeights: false));
    network.eval();
    var manifest = new BundleManifest
    {
        Architecture = architecture, ImageSize = size, Normalization = info.Normalization,
        Labels = labels, Thresholds = labels.Select(_ => 0.5f).ToArray(),
    };
    Time($"{architecture} {size}px: export to bytes", () => ModelExport.ToBytes(network, manifest).Length);
    var model = ModelExport.Export(network, manifest);
    Time($"{architecture} {size}px: serialise only", () => model.ToByteArray().Length);
}
Time("read packaged ResNet18.onnx, decode every weight", () =>
{
    var model = OnnxModelFile.Read(PretrainedResNet18.WeightsPath);
    return model.Graph.Initializer.Sum(t => t.ToFloatArray().Length * 4L);
});

void Time(string what, Func<long> action)
{
    var clock = Stopwatch.StartNew();
    long bytes = action();
    double first = clock.Elapsed.TotalMilliseconds;
    var times = new List<double>();
    for (int i = 0; i < runs; i++)
    {
        clock.Restart();
        action();
        times.Add(clock.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    Console.WriteLine($"| {what} | {first:F0} | {times[times.Count / 2]:F0} | {bytes} |");
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
