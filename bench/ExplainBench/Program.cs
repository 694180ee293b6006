// Explaining against predicting, on the torch engine: the same 32 images (decoded once at the model's size), timed
// in interleaved rounds so load from elsewhere falls on both alike.
//   predict   Predictor.PredictProbabilities over the 32 images (one batch)
//   explain   Predictor.Explain over the same images for their predicted labels (one forward, one backward per round)
// and, once, what `predict --explain` adds on top: rendering and writing each overlay PNG at the image's own size.
// Usage: ExplainBench MODEL IMAGES_DIR [--rounds N] [--threads N]
using System.Diagnostics;
using MultiLabel.Data;
using MultiLabel.Inference;
using MultiLabel.Reporting;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: ExplainBench MODEL IMAGES_DIR [--rounds N] [--threads N]");
    return 64;
}
int rounds = Option("--rounds", 10), threads = Option("--threads", 0);
using var predictor = Predictor.Load(args[0], new PredictorOptions { Engine = InferenceEngine.Torch, Threads = threads });
var files = ImageFiles.Expand([args[1]]).Files.Order(StringComparer.Ordinal).Take(32).ToArray();
var images = files.Select(f => ImageDecoder.Decode(f, predictor.ImageSize, predictor.ImageSize)).ToArray();
var probabilities = predictor.PredictProbabilities(images);
int labelCount = predictor.Vocabulary.Count;
var labels = images.Select((_, i) => predictor.Decide(files[i], probabilities.AsSpan(i * labelCount, labelCount)).Labels).ToArray();
int maps = labels.Sum(l => l.Count), mostLabels = labels.Max(l => l.Count);
predictor.Explain(images, labels); // warm up both paths
predictor.PredictProbabilities(images);

var predictTimes = new List<double>();
var explainTimes = new List<double>();
for (int r = 0; r < rounds; r++)
{
    predictTimes.Add(Time(() => predictor.PredictProbabilities(images)));
    explainTimes.Add(Time(() => predictor.Explain(images, labels)));
}
var heat = predictor.Explain(images, labels);
string folder = Directory.CreateTempSubdirectory("explain-bench").FullName;
double write = Time(() => Parallel.For(0, images.Length, i =>
{
    byte[] encoded = File.ReadAllBytes(files[i]);
    foreach (var map in heat[i]) File.WriteAllBytes(Path.Combine(folder, $"{i}.{map.Label}.png"), HeatMapOverlay.Render(encoded, map));
}));
Directory.Delete(folder, recursive: true);

double predict = Median(predictTimes), explain = Median(explainTimes);
Console.WriteLine($"{images.Length} images of {args[1]} at {predictor.ImageSize} px ({predictor.Manifest.Architecture}, torch, {rounds} interleaved rounds, medians)");
Console.WriteLine($"  predict  {predict,8:F1} ms");
Console.WriteLine($"  explain  {explain,8:F1} ms   {maps} maps ({mostLabels} rounds of labels), {explain / predict:F2} x predict");
Console.WriteLine($"  overlays {write,8:F1} ms   rendering and writing the {maps} PNGs at the images' own size (once)");
return 0;

int Option(string name, int fallback)
{
    int at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1]) : fallback;
}

static double Time(Action action)
{
    long start = Stopwatch.GetTimestamp();
    action();
    return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}
