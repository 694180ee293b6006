using MultiLabel.Inference;
using MultiLabel.Models;
using MultiLabel.Persistence;
using TorchSharp;
using Xunit.Abstractions;

namespace MultiLabel.Tests.Inference;

[Collection(QuadrantModelCollection.Name)]
public class ExplainerTests(QuadrantModel model, ITestOutputHelper output)
{
    /// <summary>Images carrying both labels (and the green decoy in most; no red or blue decoys), never seen in training.</summary>
    private static readonly Lazy<MultiLabel.Data.DecodedImages> Both = new(() => QuadrantImages.Make(16, seed: 11, chance: 1, colouredDecoys: false));

    [Fact]
    public void The_quadrant_model_learned_its_labels()
    {
        var images = QuadrantImages.Make(64, seed: 21);
        var targets = QuadrantImages.Targets(images);
        using var predictor = Predictor.Load(model.Path, new PredictorOptions { Engine = InferenceEngine.Torch });

        var probabilities = predictor.PredictProbabilities(QuadrantImages.Each(images));

        double right = probabilities.Zip(targets, (p, t) => (p >= 0.5f) == (t >= 0.5f) ? 1 : 0).Average();
        output.WriteLine($"label decisions right on 64 new images: {right:P1}; trained {model.History.Epochs.Count} epochs in " +
                         $"{model.History.Epochs.Sum(e => e["seconds"]):F1} s ({string.Join(", ", model.History.Epochs.Select(e => e["seconds"].ToString("F1")))})");
        Assert.True(right >= 0.95, $"the model must learn the squares for the heat-map checks to mean anything; {right:P1} of decisions right");
    }

    [Fact]
    public void Each_labels_map_puts_most_of_its_mass_in_the_quadrant_of_its_square()
    {
        using var explainer = Explainer.Load(model.Path);
        var images = QuadrantImages.Each(Both.Value);

        var maps = explainer.Explain(images, images.Select(_ => (IReadOnlyList<string>)["red", "blue"]).ToArray());

        var red = maps.Select(m => m[0].MassShare(0, 0, 0.5, 0.5)).ToArray();
        var blue = maps.Select(m => m[1].MassShare(0.5, 0.5, 1, 1)).ToArray();
        output.WriteLine($"red in top left: mean {red.Average():P1}, least {red.Min():P1}; blue in bottom right: mean {blue.Average():P1}, least {blue.Min():P1}");
        Assert.All(maps, m => Assert.Equal(["red", "blue"], m.Select(h => h.Label)));
        Assert.True(red.Average() >= 0.6, $"red's maps hold {red.Average():P1} of their mass in the top-left quadrant on average");
        Assert.True(blue.Average() >= 0.6, $"blue's maps hold {blue.Average():P1} of their mass in the bottom-right quadrant on average");
        Assert.All(maps, m => Assert.True(m[0].Center.X < 0.5 && m[0].Center.Y < 0.5, $"red's centre {m[0].Center}"));
        Assert.All(maps, m => Assert.True(m[1].Center.X > 0.5 && m[1].Center.Y > 0.5, $"blue's centre {m[1].Center}"));
    }

    [Theory]
    [InlineData("every layer")]
    [InlineData("the dense layers and the head")]
    public void Maps_change_when_the_weights_are_randomised(string randomised)
    {
        var images = QuadrantImages.Each(Both.Value);
        var labels = images.Select(_ => (IReadOnlyList<string>)["red"]).ToArray();
        using var trained = Explainer.Load(model.Path);
        var (manifest, network) = ModelBundle.Load(model.Path);
        torch.random.manual_seed(99);
        using (var random = ModelRegistry.Get(manifest.Architecture).Create(new ModelRequest(2, manifest.ImageSize, LoadPretrainedWeights: false)))
        using (torch.no_grad())
        {
            // Adebayo et al. 2018: a map that survives the loss of what the network learned explains nothing about it.
            var fresh = random.named_parameters().ToDictionary(p => p.name, p => p.parameter);
            foreach (var (name, parameter) in network.named_parameters())
                if (randomised == "every layer" || !name.StartsWith("features.")) parameter.copy_(fresh[name]);
        }
        using var randomisedExplainer = new Explainer(network, manifest, torch.CPU);

        var before = trained.Explain(images, labels);
        var after = randomisedExplainer.Explain(images, labels);

        var correlations = before.Zip(after, (b, a) => Correlation(b[0].Values, a[0].Values)).ToArray();
        double share = after.Average(m => m[0].MassShare(0, 0, 0.5, 0.5));
        output.WriteLine($"randomised {randomised}: correlation with the trained maps {correlations.Average():F3} on average, largest {correlations.Max():F3}; " +
                         $"red's share in the top left {share:P1}");
        Assert.True(correlations.Average() < 0.5, $"maps of the randomised network correlate {correlations.Average():F3} with the trained ones on average");
    }

    [Fact]
    public void A_batch_gives_the_same_maps_and_scores_as_one_image_at_a_time()
    {
        var images = QuadrantImages.Each(QuadrantImages.Make(6, seed: 12));
        IReadOnlyList<string>[] labels = [["red"], ["blue", "red"], [], ["red", "blue"], ["blue"], ["red"]];
        using var explainer = Explainer.Load(model.Path);

        var batch = explainer.Explain(images, labels, batchSize: 6);
        var single = images.Select((image, i) => explainer.Explain([image], [labels[i]])[0]).ToArray();

        for (int i = 0; i < images.Length; i++)
        {
            Assert.Equal(labels[i], batch[i].Select(m => m.Label));
            for (int k = 0; k < labels[i].Count; k++)
            {
                Assert.Equal(single[i][k].Score, batch[i][k].Score, 5);
                float worst = single[i][k].Values.Zip(batch[i][k].Values, (a, b) => Math.Abs(a - b)).Max();
                Assert.True(worst < 1e-4f, $"image {i}, {labels[i][k]}: maps differ by up to {worst}");
            }
        }
        Assert.Contains(batch.SelectMany(m => m), m => m.Values.Max() > 0.9f); // real maps, not only empty ones
    }

    [Fact]
    public void Scores_are_the_predictors_probabilities()
    {
        var images = QuadrantImages.Each(QuadrantImages.Make(4, seed: 13));
        using var explainer = Explainer.Load(model.Path);
        using var predictor = Predictor.Load(model.Path, new PredictorOptions { Engine = InferenceEngine.Torch });

        var maps = explainer.Explain(images, images.Select(_ => (IReadOnlyList<string>)["blue", "red"]).ToArray());
        var probabilities = predictor.PredictProbabilities(images);

        for (int i = 0; i < images.Length; i++)
            for (int l = 0; l < 2; l++)
                Assert.Equal(probabilities[i * 2 + l], maps[i][l].Score, 5);
        Assert.All(maps.SelectMany(m => m), m => Assert.All(m.Values, v => Assert.InRange(v, 0f, 1f)));
        Assert.All(maps.SelectMany(m => m), m => Assert.Equal((QuadrantImages.Size, QuadrantImages.Size, QuadrantImages.Size * QuadrantImages.Size), (m.Width, m.Height, m.Values.Length)));
    }

    [Fact]
    public void The_onnx_engine_hands_explanations_to_the_bundles_torch_network()
    {
        var images = QuadrantImages.Each(QuadrantImages.Make(3, seed: 15));
        IReadOnlyList<string>[] labels = [["red"], ["blue"], ["red", "blue"]];
        using var onnx = Predictor.Load(model.Path, new PredictorOptions { Engine = InferenceEngine.Onnx });
        using var explainer = Explainer.Load(model.Path);

        var handed = onnx.Explain(images, labels);
        var direct = explainer.Explain(images, labels);

        Assert.Equal(InferenceEngine.Onnx, onnx.Engine);
        for (int i = 0; i < images.Length; i++)
            for (int k = 0; k < labels[i].Count; k++)
                Assert.Equal(direct[i][k].Values, handed[i][k].Values);
    }

    [Fact]
    public void A_label_the_model_does_not_know_is_refused_naming_the_known_ones()
    {
        using var explainer = Explainer.Load(model.Path);

        var error = Assert.Throws<ArgumentException>(() => explainer.Explain(QuadrantImages.Each(QuadrantImages.Make(1, seed: 14)), [["green"]]));

        Assert.Contains("'green' is not a label of this model; its labels are blue, red", error.Message);
    }

    private static double Correlation(float[] a, float[] b)
    {
        double ma = a.Average(), mb = b.Average(), ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            ab += (a[i] - ma) * (b[i] - mb);
            aa += (a[i] - ma) * (a[i] - ma);
            bb += (b[i] - mb) * (b[i] - mb);
        }
        return aa > 0 && bb > 0 ? ab / Math.Sqrt(aa * bb) : 0;
    }
}
