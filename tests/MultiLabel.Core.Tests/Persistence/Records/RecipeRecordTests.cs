using System.Text.Json;
using MultiLabel.Data;
using MultiLabel.Data.Transforms;
using MultiLabel.Persistence;
using MultiLabel.Persistence.Records;
using MultiLabel.Training;

namespace MultiLabel.Tests.Persistence.Records;

public class RecipeRecordTests
{
    [Fact]
    public void Every_recipe_survives_the_round_trip_through_json()
    {
        var recipes = new[]
        {
            TrainingOptions.Default,
            TrainingOptions.Original,
            TrainingOptions.Default with
            {
                Optimizer = OptimizerKind.Sgd, HeadLearningRate = null, Plateau = new PlateauOptions { Patience = 3, Factor = 0.1, MinLearningRate = 1e-5 },
                Monitor = MonitorMetric.MeanAveragePrecision, Split = SplitMethod.Random, EarlyStoppingPatience = 4, FreezeBackboneEpochs = 2,
                Augmentation = AugmentationOptions.None, Normalization = MultiLabel.Models.Normalization.ImageNet, TuneThresholds = false,
            },
            TrainingOptions.Default with { Loss = LossKind.Asl, PositiveWeight = PositiveWeighting.Auto },
            TrainingOptions.Default with { Loss = LossKind.Focal },
        };
        foreach (var recipe in recipes)
        {
            string json = JsonSerializer.Serialize(RecipeRecord.From(recipe), JsonFormat.Options);

            var back = JsonSerializer.Deserialize<RecipeRecord>(json, JsonFormat.Options)!.ToOptions();

            Assert.Equal(recipe with { Normalization = null }, back with { Normalization = null });
            Assert.Equal(recipe.Normalization is null, back.Normalization is null);
            if (recipe.Normalization is { } n) Assert.True(n.SameAs(back.Normalization!));
        }
    }

    [Fact]
    public void The_stored_names_are_the_ones_bundle_format_1_uses()
    {
        string json = JsonSerializer.Serialize(RecipeRecord.From(TrainingOptions.Original), JsonFormat.Options);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        Assert.Equal("adam", root.GetProperty("optimizer").GetString());
        Assert.Equal("constant", root.GetProperty("schedule").GetString());
        Assert.Equal("random", root.GetProperty("split").GetString());
        Assert.Equal(10, root.GetProperty("plateau").GetProperty("patience").GetInt32());
        Assert.Equal(25, root.GetProperty("augmentation").GetProperty("rotation_degrees").GetDouble());
        Assert.Equal("adam_w", JsonDocument.Parse(JsonSerializer.Serialize(RecipeRecord.From(TrainingOptions.Default))).RootElement.GetProperty("optimizer").GetString());
        // The machine a run used is not part of its recipe.
        foreach (string environment in new[] { "threads", "device", "validation_data", "is_identity" })
            Assert.False(root.TryGetProperty(environment, out _), $"{environment} is stored");
    }

    [Fact]
    public void A_file_from_before_the_loss_was_a_setting_was_trained_with_unweighted_bce()
    {
        var options = new RecipeRecord { Model = "resnet18-imagenet" }.ToOptions();

        Assert.Equal(LossKind.Bce, options.Loss);
        Assert.Equal(PositiveWeighting.None, options.PositiveWeight);
        string json = JsonSerializer.Serialize(RecipeRecord.From(TrainingOptions.Default with { Loss = LossKind.Asl, PositiveWeight = PositiveWeighting.Auto }));
        Assert.Contains("\"loss\":\"asl\"", json);
        Assert.Contains("\"pos_weight\":\"auto\"", json);
    }

    [Fact]
    public void A_name_this_build_does_not_know_is_a_clear_error()
    {
        var record = new RecipeRecord { Optimizer = "lion" };

        var error = Assert.Throws<InvalidDataException>(record.ToOptions);

        Assert.Contains("optimizer 'lion'", error.Message);
        Assert.Contains("adam_w", error.Message);
    }
}
