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
var load = new DatasetLoadOptions { ImageSize = predictor.ImageSize, CacheDirectory = Environment.GetEnvironmentVariable("MULTILABEL_CACHE") ?? MultiLabel.Data.ImageCache.DefaultDirectory, Threads = 2 };
var rest = DatasetLoader.Load(restPath, load);
var split = Splitter.Split(recipe.Split, rest.Scan.Images.Select(i => i.Labels).ToArray(), recipe.ValidationFraction, recipe.Seed);
var val = rest.Pixels.Subset(split.Validation);
float[] valT = vocab.EncodeAll(val.Images), valP = predictor.PredictProbabilities(val, 32, default, null);
var hold = DatasetLoader.Load(holdPath, load);
float[] holdT = vocab.EncodeAll(hold.Pixels.Images), holdP = predictor.PredictProbabilities(hold.Pixels, 32, default, null);
string outDir = Path.GetDirectoryName(Path.GetFullPath(model))!;
File.WriteAllLines(Path.Combine(outDir, "val-probs.csv"), Rows(valP, valT));
File.WriteAllLines(Path.Combine(outDir, "holdout-probs.csv"), Rows(holdP, holdT));
Console.WriteLine($"{model}: {val.Count} validation, {hold.Pixels.Count} holdout images, {L} labels");

Report("0.5", Enumerable.Repeat(0.5f, L).ToArray());
Report("old (best F1, every score)", Old(valP, valT));
foreach (double tol in new[] { 0.0, 0.1, 1e9 })
    foreach (double c in new[] { 0.0, 10 })
        Report($"new c={c} tol={tol}", ThresholdTuner.Choose(valP, valT, L, new ThresholdTuning { Shrinkage = c, ErrorTolerance = tol }));
Report("stored", predictor.Manifest.Thresholds.ToArray());

void Report(string name, float[] t)
{
    var e = new MultiLabelEvaluator(vocab.Labels, t);
    e.Update(holdP, holdT);
    var r = e.Compute().SummaryMetrics().ToDictionary(p => p.Key, p => p.Value);
    Console.WriteLine($"{name,-28} exact {r["exact_match"]:F4}  micro_f1 {r["micro_f1"]:F4}  macro_f1 {r["macro_f1"]:F4}  hamming {r["hamming_loss"]:F4}  t=[{string.Join(" ", t.Select(x => x.ToString("0.00")))}]");
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
