using System.Text.Json.Serialization;
using MultiLabel.Data.Transforms;

namespace MultiLabel.Persistence.Records;

/// <summary>Augmentation settings as files store them (see <see cref="RecipeRecord"/>).</summary>
public sealed record AugmentationRecord
{
    /// <summary>Rotation range in degrees.</summary>
    [JsonPropertyName("rotation_degrees")] public double? RotationDegrees { get; init; }

    /// <summary>Horizontal shift as a fraction of the width.</summary>
    [JsonPropertyName("width_shift")] public double? WidthShift { get; init; }

    /// <summary>Vertical shift as a fraction of the height.</summary>
    [JsonPropertyName("height_shift")] public double? HeightShift { get; init; }

    /// <summary>Shear range in degrees.</summary>
    [JsonPropertyName("shear_degrees")] public double? ShearDegrees { get; init; }

    /// <summary>Zoom range.</summary>
    [JsonPropertyName("zoom")] public double? Zoom { get; init; }

    /// <summary>Random horizontal flips.</summary>
    [JsonPropertyName("horizontal_flip")] public bool? HorizontalFlip { get; init; }

    /// <summary>The record of <paramref name="options"/>.</summary>
    public static AugmentationRecord From(AugmentationOptions options) => new()
    {
        RotationDegrees = options.RotationDegrees,
        WidthShift = options.WidthShift,
        HeightShift = options.HeightShift,
        ShearDegrees = options.ShearDegrees,
        Zoom = options.Zoom,
        HorizontalFlip = options.HorizontalFlip,
    };

    /// <summary>The settings this record describes; missing fields take the original recipe's values.</summary>
    /// <exception cref="InvalidDataException">A stored value is out of range.</exception>
    public AugmentationOptions ToOptions()
    {
        var d = AugmentationOptions.Original;
        try
        {
            return new AugmentationOptions
            {
                RotationDegrees = RotationDegrees ?? d.RotationDegrees,
                WidthShift = WidthShift ?? d.WidthShift,
                HeightShift = HeightShift ?? d.HeightShift,
                ShearDegrees = ShearDegrees ?? d.ShearDegrees,
                Zoom = Zoom ?? d.Zoom,
                HorizontalFlip = HorizontalFlip ?? d.HorizontalFlip,
            };
        }
        catch (SettingException e)
        {
            throw new InvalidDataException($"stored augmentation: {e.Message}", e);
        }
    }
}
