using System.Security.Cryptography;
using MultiLabel.Data;
using MultiLabel.Inference;
using MultiLabel.Models;
using MultiLabel.Native;
using MultiLabel.Persistence;
using MultiLabel.Runs;
using MultiLabel.Tests.Inference;
using MultiLabel.Tests.Training;
using MultiLabel.Training;
using MultiLabel.Training.Callbacks;
using TorchSharp;

namespace MultiLabel.Tests.Hostile;

/// <summary>Issue 14, item 6: a score or a loss that is not a number is an error said in one sentence, never a crash or a silent answer.</summary>
[Collection(ReproducibleTraining.Name)]
public class NonFiniteTests
{
    [Fact]
    public void A_nan_score_makes_that_image_an_error_and_the_others_are_still_predicted()
    {
        var labels = new[] { "black", "dress", "red" };
        var manifest = BundleManifest.For("smallervggnet", 32, labels);
        using var predictor = new Predictor(manifest, new ScriptedEngine([[float.NaN, 0.9f, 0.1f], [0.8f, 0.7f, 0.1f]]), threads: 1);
        string[] images = Directory.GetFiles(Path.Combine(TestData.Samples, "black_dress")).Order(StringComparer.Ordinal).Take(2).ToArray();

        var predictions = predictor.PredictFiles(images);

        Assert.True(predictions[0].Failed);
        Assert.Empty(predictions[0].Scores);
        Assert.Equal("the model gave no number for 1 of its 3 labels (black NaN); its weights are damaged or its training diverged, so retrain it",
            predictions[0].Error);
        Assert.Equal(["black", "dress"], predictions[1].Labels);
    }

    [Fact]
    public void A_last_batch_of_one_image_is_folded_into_the_batch_before_it()
    {
        Assert.Equal(2, Learner.StepsPerEpoch(9, 4));  // 4 + 5, not 4 + 4 + 1
        Assert.Equal(3, Learner.StepsPerEpoch(10, 4)); // 4 + 4 + 2
        Assert.Equal(1, Learner.StepsPerEpoch(1, 4));

        TorchRuntime.Configure(TinyData.Threads);
        var (train, validation) = TinyData.Split();
        var nine = train.Subset(Enumerable.Range(0, 9).ToArray());
        torch.random.manual_seed(3);
        var options = TinyData.Options(epochs: 2) with { BatchSize = 4 };
        using var network = ModelRegistry.Get(options.Model).Create(new ModelRequest(TinyData.Vocabulary.Count, 32, LoadPretrainedWeights: false));
        using var learner = new Learner(network, options, torch.CPU);

        var history = learner.Fit(nine, validation, [], "nine");

        Assert.Null(history.Diverged);
        Assert.All(history.Epochs, e => Assert.True(double.IsFinite(e.ValidationLoss), $"epoch {e.Epoch}: val_loss {e.ValidationLoss}"));
    }

    [Fact]
    public void A_run_that_diverges_stops_with_one_sentence_and_keeps_its_last_good_checkpoint_and_model()
    {
        using var folder = TestData.NewTempFolder();
        foreach (var group in Directory.GetDirectories(TestData.Samples))
            foreach (string file in Directory.GetFiles(group).Order(StringComparer.Ordinal).Take(3))
                folder.Copy(file, Path.Combine("data", Path.GetFileName(group), Path.GetFileName(file)));
        var explode = new ExplodeAfterFirstEpoch(folder.Combine("out"));
        var options = new TrainingRunOptions
        {
            Data = folder.Combine("data"),
            OutputDirectory = folder.Combine("out"),
            Training = TinyData.Options(epochs: 3) with { Plateau = null, EarlyStoppingPatience = null },
            CacheDirectory = null,
            Threads = TinyData.Threads,
        };

        var error = Assert.Throws<TrainingDivergedException>(() => TrainingRun.Run(options, new TrainingObserver { Callbacks = [explode] }));

        Assert.Matches(@"^Training diverged at epoch 2, step \d+ of \d+: the training loss became (NaN|∞|-∞), so it stopped; last\.ckpt \(epoch 1\) and " +
                       @"model\.mlpkg \(best epoch 1\) are kept from before it\. Lower LearningRate \(it was 0\.0003\) and start afresh with Overwrite\.$", error.Message);
        Assert.Equal(["LearningRate", "Overwrite"], error.Mentioned);
        Assert.Equal(explode.CheckpointHash, Hash(folder.Combine("out", "last.ckpt")));
        Assert.Equal(explode.ModelHash, Hash(folder.Combine("out", "model.mlpkg")));
        Assert.Empty(Directory.GetFiles(folder.Combine("out"), ".*.tmp"));
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>After the first epoch's files are written, notes them and multiplies the learning rate by 10^30: the second epoch diverges.</summary>
    private sealed class ExplodeAfterFirstEpoch(string folder) : ICallback
    {
        public string? CheckpointHash { get; private set; }

        public string? ModelHash { get; private set; }

        public void OnEpochEnd(FitContext context, EpochRecord epoch)
        {
            if (epoch.Epoch != 1) return;
            CheckpointHash = Hash(Path.Combine(folder, "last.ckpt"));
            ModelHash = Hash(Path.Combine(folder, "model.mlpkg"));
            context.RequestLearningRateFactor(1e30);
        }
    }
}
