// Thresholds harness (bench/real-datasets/run.sh): validation and holdout probabilities of a trained model, and
// holdout exact match / micro F1 / macro F1 at 0.5 and with thresholds from several tuning methods.
using MultiLabel.Data;
using MultiLabel.Inference;
using MultiLabel.Metrics;

string model = args[0], restPath = args[1], holdPath = args[2];
using var predictor = Predictor.Load(model, new PredictorOptions { Engine = InferenceEngine.Torch, Threads = 2 });
var recipe = predictor.Manifest.Training!.ToOptions();
var vocab = predictor.Vocabulary;
int L = vocab.Count;
string outDir = Path.GetDirectoryName(Path.GetFullPath(model))!;
string valFile = Path.Combine(outDir, "val-probs.csv"), holdFile = Path.Combine(outDir, "holdout-probs.csv");
float[] valP, valT, holdP, holdT;
if (args.Contains("--saved") && File.Exists(valFile) && File.Exists(holdFile))
{
    // Probabilities saved by an earlier run of this harness: no decoding, no network.
    (valP, valT) = Read(valFile);
    (holdP, holdT) = Read(holdFile);
}
else
{
    var load = new DatasetLoadOptions { ImageSize = predictor.ImageSize, CacheDirectory = Environment.GetEnvironmentVariable("MULTILABEL_CACHE") ?? MultiLabel.Data.ImageCache.DefaultDirectory, Threads = 2 };
    var rest = DatasetLoader.Load(restPath, load);
    var split = Splitter.Split(recipe.Split, rest.Scan.Images.Select(i => i.Labels).ToArray(), recipe.ValidationFraction, recipe.Seed);
    var val = rest.Pixels.Subset(split.Validation);
    (valT, valP) = (vocab.EncodeAll(val.Images), predictor.PredictProbabilities(val, 32, default, null));
    var hold = DatasetLoader.Load(holdPath, load);
    (holdT, holdP) = (vocab.EncodeAll(hold.Pixels.Images), predictor.PredictProbabilities(hold.Pixels, 32, default, null));
    File.WriteAllLines(valFile, Rows(valP, valT));
    File.WriteAllLines(holdFile, Rows(holdP, holdT));
}
Console.WriteLine($"{model}: {valP.Length / L} validation, {holdP.Length / L} holdout images, {L} labels");

Report("0.5", Enumerable.Repeat(0.5f, L).ToArray());
Report("old (best F1, every score)", Old(valP, valT));
foreach (double reduction in new[] { -1e9, 0.0, 0.1 })
    foreach (double c in new[] { 0.0, 10 })
        Report($"new c={c} fewer-errors={reduction:0.##}", ThresholdTuner.Choose(valP, valT, L, new ThresholdTuning { Shrinkage = c, MinErrorReduction = reduction }));
Report("stored", predictor.Manifest.Thresholds.ToArray());

void Report(string name, float[] t)
{
    var e = new MultiLabelEvaluator(vocab.Labels, t);
    e.Update(holdP, holdT);
    var r = e.Compute().SummaryMetrics().ToDictionary(p => p.Key, p => p.Value);
    Console.WriteLine($"{name,-28} exact {r["exact_match"]:F4}  micro_f1 {r["micro_f1"]:F4}  macro_f1 {r["macro_f1"]:F4}  hamming {r["hamming_loss"]:F4}  t=[{string.Join(" ", t.Select(x => x.ToString("0.00")))}]");
}

(float[] P, float[] T) Read(string file)
{
    var rows = File.ReadAllLines(file).Select(l => l.Split(',').Select(v => float.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToArray();
    return (rows.SelectMany(r => r.Take(L)).ToArray(), rows.SelectMany(r => r.Skip(L)).ToArray());
}

IEnumerable<string> Rows(float[] p, float[] t) =>
    Enumerable.Range(0, p.Length / L).Select(i => string.Join(",", p.Skip(i * L).Take(L).Concat(t.Skip(i * L).Take(L))));

float[] Old(float[] p, float[] y)
{
    var result = new float[L];
    for (int l = 0; l < L; l++)
    {
        var s = Enumerable.Range(0, p.Length / L).Select(i => p[i * L + l]).ToArray();
        var g = Enumerable.Range(0, p.Length / L).Select(i => y[i * L + l] >= 0.5f).ToArray();
        int pos = g.Count(x => x);
        if (pos < 5) { result[l] = 0.5f; continue; }
        float best = 0.5f; double bestF1 = F1(s, g, 0.5f);
        foreach (float c in s.Distinct())
        {
            double f = F1(s, g, c);
            if (f > bestF1 || (f == bestF1 && (Math.Abs(c - 0.5) < Math.Abs(best - 0.5) || (Math.Abs(c - 0.5) == Math.Abs(best - 0.5) && c > best)))) { best = c; bestF1 = f; }
        }
        result[l] = best;
    }
    return result;
}

static double F1(float[] s, bool[] g, float t)
{
    long tp = 0, fp = 0, fn = 0;
    for (int i = 0; i < s.Length; i++) { bool p = s[i] >= t; if (p && g[i]) tp++; else if (p) fp++; else if (g[i]) fn++; }
    return 2 * tp + fp + fn == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
}
