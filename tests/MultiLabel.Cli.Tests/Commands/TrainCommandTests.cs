using System.Text.Json;
using MultiLabel.Cli.Commands;
using MultiLabel.Data;
using MultiLabel.Native;
using MultiLabel.Training;

namespace MultiLabel.Cli.Tests.Commands;

/// <summary>
/// How train's options merge into the preset recipe, read from real command lines (in-process; those runs stop at their
/// missing dataset), and what a real run prints when its output goes to a pipe.
/// </summary>
public class TrainCommandTests
{
    private static TrainCommand.Settings Parse(params string[] options)
    {
        var result = InProcess.Run(["train", "--data", "no-such-dataset", "--out", "no-such-run", .. options]);
        Assert.True(result.ExitCode == 1 && result.Error.StartsWith("error: --data no-such-dataset does not exist"), result.ToString());
        return Assert.IsType<TrainCommand.Settings>(result.Settings);
    }

    [Fact]
    public void Without_options_the_recipe_is_the_default_preset()
    {
        Assert.Equal(TrainingOptions.Default, Parse().ToOptions());
    }

    [Fact]
    public void An_option_given_with_a_preset_keeps_the_rest_of_that_preset()
    {
        Assert.Equal(TrainingOptions.Original with { Epochs = 3 }, Parse("--preset", "original", "--epochs", "3").ToOptions());
    }

    [Fact]
    public void A_model_brings_its_own_image_size_unless_one_is_given()
    {
        Assert.Equal(TrainingOptions.Default with { Model = "resnet50", ImageSize = 224 }, Parse("--model", "resnet50").ToOptions());
        Assert.Equal(TrainingOptions.Default with { Model = "resnet50", ImageSize = 160 }, Parse("--model", "ResNet50", "--image-size", "160").ToOptions());
        Assert.Equal(TrainingOptions.Original with { Model = "smallervggnet", ImageSize = 96 }, Parse("--preset", "original", "--model", "smallervggnet").ToOptions());
    }

    [Fact]
    public void Words_become_the_recipes_enumerations()
    {
        var options = Parse("--optimizer", "SGD", "--schedule", "one-cycle", "--split", "random", "--monitor", "map", "--device", "cpu").ToOptions();

        Assert.Equal(OptimizerKind.Sgd, options.Optimizer);
        Assert.Equal(LearningRateSchedule.OneCycle, options.Schedule);
        Assert.Equal(SplitMethod.Random, options.Split);
        Assert.Equal(MonitorMetric.MeanAveragePrecision, options.Monitor);
        Assert.Equal(ComputeDevice.Cpu, Parse("--device", "cpu").Device);
    }

    [Fact]
    public void A_constant_schedule_lowers_the_rate_on_plateaus_unless_told_not_to()
    {
        var constant = Parse("--schedule", "constant", "--plateau-patience", "4").ToOptions();
        Assert.Equal(new PlateauOptions { Patience = 4 }, constant.Plateau);
        Assert.Null(Parse("--schedule", "constant", "--no-plateau").ToOptions().Plateau);
        Assert.Equal(TrainingOptions.Original.Plateau! with { MinLearningRate = 1e-5 }, Parse("--preset", "original", "--min-lr", "1e-5").ToOptions().Plateau);
    }

    [Fact]
    public void Augmentation_options_change_only_what_they_name()
    {
        var options = Parse("--rotation", "10", "--no-flip").ToOptions();

        Assert.Equal(TrainingOptions.Default.Augmentation with { RotationDegrees = 10, HorizontalFlip = false }, options.Augmentation);
        Assert.Equal(MultiLabel.Data.Transforms.AugmentationOptions.None, Parse("--no-augment", "--rotation", "5").ToOptions().Augmentation);
    }

    [Fact]
    public void A_run_prints_whole_lines_to_a_pipe_and_json_lines_in_the_one_json_style()
    {
        using var folder = TestData.NewTempFolder();
        folder.CopyImages(TestData.Samples, "data", 4, "black_dress", "blue_shirt", "red_shoes");
        string[] recipe = ["--data", "data", "--model", "smallervggnet", "--image-size", "32", "--epochs", "1", "--batch-size", "3", "--no-cache"];

        var text = Cli.Run(folder.Path, ["train", "--out", "text", .. recipe]);
        var json = Cli.Run(folder.Path, ["train", "--out", "json", "--json", .. recipe]);

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Matches(@"(?m)^epoch 1/1  loss \d\.\d{4}  val_loss \d\.\d{4}  .*  lr \S+  [\d.]+ img/s  \d+s$", text.Stderr);
        Assert.Matches(@"(?m)^saved \S*/text/model\.mlpkg \(best epoch 1, val_loss \d\.\d{4}\)$", text.Stdout);
        Assert.Matches(@"(?m)^validation with tuned thresholds: val_binary_accuracy \d\.\d{4}  .*  val_mean_average_precision \d\.\d{4}$", text.Stdout);

        Assert.True(json.ExitCode == 0, json.ToString());
        var events = json.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        Assert.All(events, JsonStyle.AssertSnakeCase);
        Assert.Equal(["batch", "done", "epoch", "message"], events.Select(e => e.GetProperty("event").GetString()).Distinct().Order());
        Assert.Equal(["event", "epoch", "step", "steps", "loss", "images_per_second", "eta_seconds"], events.First(e => e.GetProperty("event").GetString() == "batch").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["event", "model", "interrupted", "best_epoch", "best_metric", "epochs_run", "images_per_second", "final_metrics", "final_metrics_at_half"], events[^1].EnumerateObject().Select(p => p.Name));
    }
}
