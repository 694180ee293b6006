namespace MultiLabel.Onnx.Export;

/// <summary>
/// <c>x × Scale[c] + Shift[c]</c> per channel: an evaluation-mode batch norm. <see cref="Scale"/> is null when it is
/// all ones. <see cref="Spatial"/> is true on <c>[N, C, H, W]</c> (BatchNorm2d), false on <c>[N, C]</c> (BatchNorm1d).
/// </summary>
/// <param name="Path">The layer's module path.</param>
/// <param name="Scale">Multiplier per channel, or null for all ones.</param>
/// <param name="Shift">Added per channel after the scale.</param>
/// <param name="Spatial">True on <c>[N, C, H, W]</c>, false on <c>[N, C]</c>.</param>
public sealed record ChannelAffineStep(string Path, float[]? Scale, float[] Shift, bool Spatial) : ExportStep(Path)
{
    /// <summary>Number of channels.</summary>
    public int Channels => Shift.Length;

    /// <summary>True when max pooling gives the same result before and after it: no scale, or only positive scales.</summary>
    public bool CommutesWithMax => Scale is null || Scale.All(s => s > 0);
}
