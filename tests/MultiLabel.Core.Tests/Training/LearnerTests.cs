using MultiLabel.Models;
using MultiLabel.Native;
using MultiLabel.Persistence;
using MultiLabel.Training;
using MultiLabel.Training.Callbacks;
using TorchSharp;

namespace MultiLabel.Tests.Training;

[Collection(ReproducibleTraining.Name)]
public class LearnerTests
{
    private static readonly string[] LossColumns = ["loss", "binary_accuracy", "val_loss", "val_binary_accuracy", "val_exact_match", "val_macro_f1", "val_mean_average_precision"];

    [Fact]
    public void Fit_returns_a_history_with_every_metric_of_every_epoch()
    {
        var history = Fit(TinyData.Options(epochs: 2));

        Assert.Equal([1, 2], history.Epochs.Select(e => e.Epoch));
        foreach (string column in LossColumns.Concat(["lr", "head_lr", "val_hamming_loss", "val_micro_f1", "seconds", "images_per_second"]))
            Assert.All(history.Epochs, e => Assert.True(double.IsFinite(e[column]), $"{column} of epoch {e.Epoch} is {e[column]}"));
        Assert.False(history.Interrupted);
        Assert.Equal(1, history.Epochs[0]["val_hamming_loss"] + history.Epochs[0]["val_binary_accuracy"], 6);
    }

    [Fact]
    public void The_same_seed_gives_the_same_first_epoch()
    {
        var options = TinyData.Options(epochs: 1);

        var first = Fit(options).Epochs[0];
        var second = Fit(options).Epochs[0];
        var otherSeed = Fit(options with { Seed = 7 }).Epochs[0];

        Assert.Equal(first.Loss, second.Loss, 6);
        Assert.Equal(first.ValidationLoss, second.ValidationLoss, 6);
        Assert.NotEqual(first.Loss, otherSeed.Loss);
    }

    [Fact]
    public void An_interrupted_and_resumed_run_has_the_history_of_an_uninterrupted_one()
    {
        using var folder = TestData.NewTempFolder();
        var options = TinyData.Options(epochs: 2) with { Model = "smallervggnet", ImageSize = 32 };
        var uninterrupted = Fit(options);

        string checkpoint = folder.Combine("last.ckpt");
        using var cancel = new CancellationTokenSource();
        var interrupted = Fit(options, [new CancelAt(epoch: 1, step: 3, cancel), new LastCheckpoint(checkpoint)], cancel.Token);
        Assert.True(interrupted.Interrupted);
        Assert.Empty(interrupted.Epochs);

        var resumed = Fit(options, [new LastCheckpoint(checkpoint)], resume: TrainingCheckpoint.Load(checkpoint));

        Assert.Equal(2, resumed.Epochs.Count);
        for (int e = 0; e < 2; e++)
            foreach (string column in LossColumns)
                Assert.Equal(uninterrupted.Epochs[e][column], resumed.Epochs[e][column], 5);
    }

    [Fact]
    public void A_checkpoint_of_another_run_is_refused()
    {
        using var folder = TestData.NewTempFolder();
        string checkpoint = folder.Combine("last.ckpt");
        Fit(TinyData.Options(epochs: 1), [new LastCheckpoint(checkpoint)]);

        var error = Assert.Throws<ArgumentException>(() =>
            Fit(TinyData.Options(epochs: 1), [], resume: TrainingCheckpoint.Load(checkpoint), fingerprint: "another run"));

        Assert.Contains("another recipe or other data", error.Message);
    }

    internal static History Fit(TrainingOptions options, IReadOnlyList<ICallback>? callbacks = null,
        CancellationToken cancellationToken = default, TrainingSnapshot? resume = null, string fingerprint = "test")
    {
        TorchRuntime.Configure(TinyData.Threads);
        var (train, validation) = TinyData.Split();
        torch.random.manual_seed(options.Seed);
        using var network = ModelRegistry.Get(options.Model).Create(new ModelRequest(train.LabelCount, options.InputSize));
        using var learner = new Learner(network, options, torch.CPU);
        return learner.Fit(train, validation, callbacks ?? [], fingerprint, resume, cancellationToken);
    }

    private sealed class CancelAt(int epoch, int step, CancellationTokenSource source) : ICallback
    {
        public void OnBatchEnd(FitContext context, BatchRecord batch)
        {
            if (batch.Epoch == epoch && batch.Step == step) source.Cancel();
        }
    }
}
