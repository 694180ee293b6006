using System.Text.Json.Serialization;
using MultiLabel.Training;

namespace MultiLabel.Persistence.Records;

/// <summary>ReduceLROnPlateau settings as files store them (see <see cref="RecipeRecord"/>).</summary>
public sealed record PlateauRecord
{
    /// <summary>Epochs without improvement before the rate is lowered.</summary>
    [JsonPropertyName("patience")] public int? Patience { get; init; }

    /// <summary>Multiplier applied to the rate.</summary>
    [JsonPropertyName("factor")] public double? Factor { get; init; }

    /// <summary>The floor of the rate.</summary>
    [JsonPropertyName("min_learning_rate")] public double? MinLearningRate { get; init; }

    /// <summary>The record of <paramref name="options"/>.</summary>
    public static PlateauRecord From(PlateauOptions options) =>
        new() { Patience = options.Patience, Factor = options.Factor, MinLearningRate = options.MinLearningRate };

    /// <summary>The settings this record describes; missing fields take the defaults.</summary>
    public PlateauOptions ToOptions()
    {
        var d = new PlateauOptions();
        return new PlateauOptions { Patience = Patience ?? d.Patience, Factor = Factor ?? d.Factor, MinLearningRate = MinLearningRate ?? d.MinLearningRate };
    }
}
