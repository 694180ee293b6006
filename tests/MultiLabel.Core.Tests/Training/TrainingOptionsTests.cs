using MultiLabel.Data;
using MultiLabel.Data.Transforms;
using MultiLabel.Models;
using MultiLabel.Training;

namespace MultiLabel.Tests.Training;

public class TrainingOptionsTests
{
    [Fact]
    public void The_original_preset_is_the_source_recipe()
    {
        var o = TrainingOptions.Original;

        Assert.Equal("resnet50", o.Model);
        Assert.False(ModelRegistry.Get(o.Model).Pretrained);
        Assert.Equal(224, o.ImageSize);
        Assert.Equal(OptimizerKind.Adam, o.Optimizer);
        Assert.Equal(1e-3, o.LearningRate);
        Assert.Null(o.HeadLearningRate);
        Assert.Equal(0, o.WeightDecay);
        Assert.Equal(16, o.BatchSize);
        Assert.Equal(150, o.Epochs);
        Assert.Equal(SplitMethod.Random, o.Split);
        Assert.Equal(0.2, o.ValidationFraction);
        Assert.Equal(42, o.Seed);
        Assert.True(o.ResolveNormalization().SameAs(Normalization.UnitRange));
        Assert.Equal(LearningRateSchedule.Constant, o.Schedule);
        Assert.Equal(new PlateauOptions { Patience = 10, Factor = 0.5, MinLearningRate = 1e-6 }, o.Plateau);
        Assert.Null(o.EarlyStoppingPatience);
        Assert.Equal(MonitorMetric.Loss, o.Monitor);
        Assert.Equal(new AugmentationOptions
        {
            RotationDegrees = 25, WidthShift = 0.1, HeightShift = 0.1, ShearDegrees = 0.2, Zoom = 0.2, HorizontalFlip = true,
        }, o.Augmentation);
    }

    [Fact]
    public void The_default_recipe_fine_tunes_the_imagenet_resnet18()
    {
        var o = TrainingOptions.Default;

        Assert.Equal("resnet18-imagenet", o.Model);
        Assert.True(ModelRegistry.Get(o.Model).Pretrained);
        Assert.Null(o.ImageSize); // chosen from the data when a run starts (InputSizeChoice)
        Assert.Equal(OptimizerKind.AdamW, o.Optimizer);
        Assert.Equal(3e-4, o.LearningRate);
        Assert.Equal(3e-3, o.HeadLearningRate);
        Assert.Equal(1e-4, o.WeightDecay);
        Assert.Equal(LearningRateSchedule.OneCycle, o.Schedule);
        Assert.Equal(32, o.BatchSize);
        Assert.Equal(12, o.Epochs);
        Assert.Equal(SplitMethod.Stratified, o.Split);
        Assert.Equal(MonitorMetric.Loss, o.Monitor);
        Assert.Equal(AugmentationOptions.Original, o.Augmentation);
        Assert.True(o.ResolveNormalization().SameAs(Normalization.CntkImageNet));
    }

    [Theory]
    [InlineData("ImageSize")]
    [InlineData("Epochs")]
    [InlineData("BatchSize")]
    [InlineData("LearningRate")]
    [InlineData("ValidationFraction")]
    [InlineData("Model")]
    public void Settings_that_cannot_work_are_refused_with_the_option_named(string setting)
    {
        var bad = setting switch
        {
            "ImageSize" => TrainingOptions.Default with { ImageSize = 4 },
            "Epochs" => TrainingOptions.Default with { Epochs = 0 },
            "BatchSize" => TrainingOptions.Default with { BatchSize = 0 },
            "LearningRate" => TrainingOptions.Default with { LearningRate = -1 },
            "ValidationFraction" => TrainingOptions.Default with { ValidationFraction = 1.5 },
            _ => TrainingOptions.Default with { Model = "vgg99" },
        };

        var error = Assert.Throws<SettingException>(bad.Validate);

        // The library speaks of its own properties, never of command-line flags.
        Assert.Equal(setting, error.Setting);
        Assert.StartsWith(setting + " ", error.Message);
        Assert.DoesNotContain("--", error.Message);
        if (setting == "Model") Assert.Matches("vgg99.*resnet18", error.Message);
    }
}
