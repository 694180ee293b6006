using MultiLabel.Persistence;
using MultiLabel.Training;

namespace MultiLabel.Tests.Persistence;

public class TrainingCheckpointTests
{
    [Fact]
    public void A_snapshot_round_trips_with_its_history()
    {
        using var folder = TestData.NewTempFolder();
        var snapshot = new TrainingSnapshot
        {
            Fingerprint = "abc", Options = TrainingOptions.Original, Epoch = 3, Step = 7, EpochOrder = [2, 0, 1],
            RandomState = [1, 2, 3, 4], TorchRandomState = [9, 8], ModelState = [1, 2, 3], OptimizerState = [4, 5],
            LearningRateScale = 0.5, PartialLossSum = 1.5, PartialCorrect = 10, PartialImages = 20, PartialSeconds = 3.5,
            History = [new EpochRecord(1, [new("epoch", 1), new("loss", 0.7), new("val_macro_f1", double.NaN)])],
        };
        string path = folder.Combine("last.ckpt");

        TrainingCheckpoint.Save(path, snapshot);
        var loaded = TrainingCheckpoint.Load(path);

        Assert.Equal(snapshot.EpochOrder, loaded.EpochOrder);
        Assert.Equal(snapshot.RandomState, loaded.RandomState);
        Assert.Equal(snapshot.ModelState, loaded.ModelState);
        Assert.Equal(snapshot.OptimizerState, loaded.OptimizerState);
        Assert.Equal(snapshot.TorchRandomState, loaded.TorchRandomState);
        Assert.Equal((3, 7, 0.5, 10L), (loaded.Epoch, loaded.Step, loaded.LearningRateScale, loaded.PartialCorrect));
        Assert.Equal(TrainingOptions.Original, loaded.Options with { Augmentation = TrainingOptions.Original.Augmentation, Plateau = TrainingOptions.Original.Plateau, Normalization = TrainingOptions.Original.Normalization });
        Assert.Equal(0.7, loaded.History[0].Loss);
        Assert.True(double.IsNaN(loaded.History[0]["val_macro_f1"]));
    }

    [Fact]
    public void A_damaged_checkpoint_is_a_clear_error_not_a_silent_restart()
    {
        using var folder = TestData.NewTempFolder();
        string path = folder.Combine("last.ckpt");
        File.WriteAllBytes(path, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);

        var error = Assert.Throws<ModelBundleException>(() => TrainingCheckpoint.Load(path));

        Assert.Contains("damaged", error.Message);
        Assert.Contains(path, error.Message);
    }
}
