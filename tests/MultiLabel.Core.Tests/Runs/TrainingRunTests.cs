using System.Text.Json;
using MultiLabel.Persistence;
using MultiLabel.Runs;
using MultiLabel.Tests.Training;
using SkiaSharp;

namespace MultiLabel.Tests.Runs;

[Collection(ReproducibleTraining.Name)]
public class TrainingRunTests
{
    /// <summary>Three images from each sample folder, copied so the run owns its data.</summary>
    private static string SmallDataset(TempFolder folder)
    {
        foreach (var group in Directory.GetDirectories(TestData.Samples))
            foreach (string file in Directory.GetFiles(group).Order().Take(3))
                folder.Copy(file, Path.Combine("data", Path.GetFileName(group), Path.GetFileName(file)));
        folder.Copy(TestData.BadInput("black_pants/text_a.jpg"), "data/black_pants/notes.jpg");
        return folder.Combine("data");
    }

    [Fact]
    public void A_run_writes_every_output_and_a_loadable_model_with_thresholds()
    {
        using var folder = TestData.NewTempFolder();
        var options = new TrainingRunOptions
        {
            Data = SmallDataset(folder),
            OutputDirectory = folder.Combine("out"),
            Training = TinyData.Options(epochs: 2),
            CacheDirectory = folder.Combine("cache"),
            Threads = TinyData.Threads,
        };

        var result = TrainingRun.Run(options);

        foreach (string name in new[] { "model.mlpkg", "last.ckpt", "history.csv", "loss.png", "accuracy.png", "labels.json", "summary.json" })
            Assert.True(File.Exists(folder.Combine("out", name)), $"{name} is missing");
        Assert.Equal(3, File.ReadAllLines(folder.Combine("out", "history.csv")).Length);
        using (var png = SKBitmap.Decode(folder.Combine("out", "loss.png"))) Assert.NotNull(png);
        using var summary = JsonDocument.Parse(File.ReadAllText(folder.Combine("out", "summary.json")));
        foreach (string key in new[] { "best_epoch", "best_metric", "epochs_run", "train_images", "val_images", "images_per_second" })
            Assert.True(summary.RootElement.TryGetProperty(key, out _), $"summary.json lacks {key}");
        Assert.Equal(2, summary.RootElement.GetProperty("epochs_run").GetInt32());
        Assert.Equal(72, summary.RootElement.GetProperty("train_images").GetInt32() + summary.RootElement.GetProperty("val_images").GetInt32());

        var manifest = ModelBundle.ReadManifest(result.ModelPath);
        Assert.Equal(11, manifest.Labels.Count);
        Assert.Equal(11, manifest.Thresholds.Count);
        Assert.Equal("resnet18", manifest.Architecture);
        Assert.Equal(32, manifest.ImageSize);
        Assert.Equal(result.Summary.BestEpoch, (int)manifest.Metrics["best_epoch"]);
        Assert.Contains(result.Skipped, s => s.Path.EndsWith("notes.jpg"));
        Assert.Contains("\"labels\"", File.ReadAllText(folder.Combine("out", "labels.json")));
    }

    [Fact]
    public void A_previous_run_is_never_overwritten_without_being_asked()
    {
        using var folder = TestData.NewTempFolder();
        Directory.CreateDirectory(folder.Combine("out"));
        File.WriteAllText(folder.Combine("out", "model.mlpkg"), "precious");

        var error = Assert.Throws<SettingException>(() => TrainingRun.Run(new TrainingRunOptions
        {
            Data = TestData.Samples,
            OutputDirectory = folder.Combine("out"),
            Training = TinyData.Options(epochs: 1),
        }));

        Assert.Equal("OutputDirectory", error.Setting);
        Assert.Equal(["OutputDirectory", "Overwrite"], error.Mentioned); // no last.ckpt: nothing to resume, so Resume is not offered
        Assert.Contains("already holds a model.mlpkg and no last.ckpt to continue; replace it with Overwrite, or choose another OutputDirectory", error.Message);
        Assert.Equal("precious", File.ReadAllText(folder.Combine("out", "model.mlpkg")));
    }

    [Fact]
    public void Resuming_without_a_checkpoint_says_so()
    {
        using var folder = TestData.NewTempFolder();

        var error = Assert.Throws<SettingException>(() => TrainingRun.Run(new TrainingRunOptions
        {
            Data = TestData.Samples,
            OutputDirectory = folder.Combine("out"),
            Resume = true,
        }));

        Assert.Equal("Resume", error.Setting);
        Assert.Contains("holds no last.ckpt to continue", error.Message);
    }

    [Fact]
    public void Resuming_a_run_that_saved_a_model_but_no_checkpoint_advises_one_way_on()
    {
        using var folder = TestData.NewTempFolder();
        Directory.CreateDirectory(folder.Combine("out"));
        File.WriteAllText(folder.Combine("out", "model.mlpkg"), "a model whose first checkpoint write was killed");

        var error = Assert.Throws<SettingException>(() => TrainingRun.Run(new TrainingRunOptions
        {
            Data = TestData.Samples,
            OutputDirectory = folder.Combine("out"),
            Resume = true,
        }));

        // Not circular: without Resume the run would refuse the folder, so the advice is Overwrite.
        Assert.Contains("Start afresh there with Overwrite instead of Resume", error.Message);
        Assert.Equal(["Resume", "Overwrite", "OutputDirectory"], error.Mentioned);
    }
}
