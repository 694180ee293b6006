using MultiLabel.Data.Transforms;

namespace MultiLabel.Tests.Data.Transforms;

public class AugmentationOptionsTests
{
    [Fact]
    public void Original_is_the_keras_recipe_and_None_switches_everything_off()
    {
        var original = AugmentationOptions.Original;

        Assert.Equal((25, 0.1, 0.1, 0.2, 0.2, true),
            (original.RotationDegrees, original.WidthShift, original.HeightShift, original.ShearDegrees, original.Zoom, original.HorizontalFlip));
        Assert.Equal(original, new AugmentationOptions());
        Assert.False(original.IsIdentity);
        Assert.True(AugmentationOptions.None.IsIdentity);
        Assert.False((AugmentationOptions.None with { HorizontalFlip = true }).IsIdentity);
    }

    [Theory]
    [InlineData(nameof(AugmentationOptions.RotationDegrees), -1)]
    [InlineData(nameof(AugmentationOptions.RotationDegrees), 181)]
    [InlineData(nameof(AugmentationOptions.WidthShift), 1)]
    [InlineData(nameof(AugmentationOptions.HeightShift), -0.1)]
    [InlineData(nameof(AugmentationOptions.ShearDegrees), 90)]
    [InlineData(nameof(AugmentationOptions.Zoom), 1)]
    [InlineData(nameof(AugmentationOptions.Zoom), double.NaN)]
    public void A_value_out_of_range_is_refused_with_the_option_named(string option, double value)
    {
        var error = Assert.Throws<SettingException>(() => option switch
        {
            nameof(AugmentationOptions.RotationDegrees) => new AugmentationOptions { RotationDegrees = value },
            nameof(AugmentationOptions.WidthShift) => new AugmentationOptions { WidthShift = value },
            nameof(AugmentationOptions.HeightShift) => new AugmentationOptions { HeightShift = value },
            nameof(AugmentationOptions.ShearDegrees) => new AugmentationOptions { ShearDegrees = value },
            _ => new AugmentationOptions { Zoom = value },
        });

        Assert.StartsWith(option + " is ", error.Message);
        Assert.Equal(option, error.ParamName);
        Assert.Equal(option, error.Setting);
    }

    [Fact]
    public void Each_component_can_be_set_on_its_own()
    {
        var options = AugmentationOptions.Original with { RotationDegrees = 180, Zoom = 0, HorizontalFlip = false };

        Assert.Equal((180, 0.0, false, 0.1), (options.RotationDegrees, options.Zoom, options.HorizontalFlip, options.WidthShift));
    }
}
