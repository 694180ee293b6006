namespace MultiLabel.Data.Transforms;

/// <summary>STUB replaced by the augment branch.</summary>
public sealed record AugmentationOptions
{
    /// <summary>Stub.</summary>
    public double RotationDegrees { get; init; } = 25;
    /// <summary>Stub.</summary>
    public static AugmentationOptions Original { get; } = new();
    /// <summary>Stub.</summary>
    public static AugmentationOptions None { get; } = new() { RotationDegrees = 0 };
}
