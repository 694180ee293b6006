using System.Text.Json;
using MultiLabel.Inference;
using MultiLabel.Persistence;
using MultiLabel.Training;

namespace MultiLabel.Tests.Persistence;

/// <summary>A bundle written before the manifest held a versioned recipe (tests/Fixtures/bundle-v1) still loads and predicts as it did.</summary>
public class OldBundleTests
{
    private static string Folder => Path.Combine(TestData.RepoRoot, "tests", "Fixtures", "bundle-v1");

    private sealed record Expected(string Path, string[] Labels, Dictionary<string, float> Scores);

    [Theory]
    [InlineData(InferenceEngine.Torch)]
    [InlineData(InferenceEngine.Onnx)]
    public void It_predicts_the_labels_and_scores_it_did_when_it_was_written(InferenceEngine engine)
    {
        var expected = JsonSerializer.Deserialize<Expected[]>(File.ReadAllText(Path.Combine(Folder, "expected.json")),
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        using var predictor = Predictor.Load(Path.Combine(Folder, "model.mlpkg"), new PredictorOptions { Engine = engine, Threads = 1 });

        var predictions = predictor.PredictFiles(expected.Select(e => Path.Combine(TestData.RepoRoot, e.Path)).ToArray());

        Assert.Equal(72, predictions.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Labels, predictions[i].Labels);
            foreach (var (label, score) in expected[i].Scores)
                Assert.InRange(predictions[i].Scores[label], score - 1e-5f, score + 1e-5f);
        }
    }

    [Fact]
    public void Its_recipe_reads_as_the_options_it_was_trained_with()
    {
        var manifest = ModelBundle.ReadManifest(Path.Combine(Folder, "model.mlpkg"));

        var recipe = manifest.Training!.ToOptions();

        Assert.Equal("1.0.0", manifest.ToolVersion);
        Assert.Equal(TrainingOptions.Default with { Model = "smallervggnet", ImageSize = 16, Epochs = 3 }, recipe with { Augmentation = TrainingOptions.Default.Augmentation });
        Assert.Equal(TrainingOptions.Default.Augmentation, recipe.Augmentation);
        Assert.Equal(OptimizerKind.AdamW, recipe.Optimizer);
        Assert.Equal(LearningRateSchedule.OneCycle, recipe.Schedule);
    }
}
