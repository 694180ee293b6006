using System.Text.Json.Serialization;

namespace MultiLabel.Models;

/// <summary>
/// How 8-bit RGB pixels become model input: <c>(pixel × Scale − Mean[c]) / Std[c]</c> per channel,
/// channels in RGB order.
/// </summary>
/// <param name="Scale">Multiplies the 0–255 pixel first: 1/255 for [0,1] input, 1 for 0–255 input.</param>
/// <param name="Mean">Per-channel mean (R, G, B) subtracted after scaling.</param>
/// <param name="Std">Per-channel standard deviation (R, G, B) divided by last.</param>
public sealed record Normalization(
    [property: JsonPropertyName("scale")] float Scale,
    [property: JsonPropertyName("mean")] float[] Mean,
    [property: JsonPropertyName("std")] float[] Std)
{
    /// <summary>Pixels scaled to [0,1], nothing else: the original Keras recipe.</summary>
    public static Normalization UnitRange { get; } = new(1f / 255f, [0f, 0f, 0f], [1f, 1f, 1f]);

    /// <summary>TorchVision's ImageNet statistics on [0,1] pixels.</summary>
    public static Normalization ImageNet { get; } = new(1f / 255f, [0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f]);

    /// <summary>CNTK's ResNet mean on 0–255 pixels (B 103.06, G 115.90, R 123.15 given here in RGB order), no scaling by a deviation.</summary>
    public static Normalization CntkImageNet { get; } = new(1f, [123.15f, 115.90f, 103.06f], [1f, 1f, 1f]);

    /// <summary>Per channel, what the pixel is multiplied by when the transform is one multiply-add: <c>Scale / Std[c]</c>.</summary>
    public float[] Multiplier() => [.. Std.Select(s => Scale / s)];

    /// <summary>Per channel, what is added after <see cref="Multiplier"/>: <c>−Mean[c] / Std[c]</c>.</summary>
    public float[] Offset() => [.. Mean.Select((m, c) => -m / Std[c])];

    /// <summary>True when both describe the same transform.</summary>
    public bool SameAs(Normalization other) =>
        Scale == other.Scale && Mean.SequenceEqual(other.Mean) && Std.SequenceEqual(other.Std);
}
