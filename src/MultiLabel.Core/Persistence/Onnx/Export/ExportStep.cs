namespace MultiLabel.Persistence.Onnx.Export;

/// <summary>
/// One operation of an evaluation-mode network on its way to ONNX, its weights copied out as plain arrays
/// (row-major, as TorchSharp stores them). <see cref="Path"/> is the layer's module path, used to name nodes.
/// A network becomes a list of steps (<see cref="NetworkReader"/>), batch norm is folded away where that is
/// exact (<see cref="BatchNormFolding"/>), and the rest becomes nodes (<see cref="GraphEmitter"/>).
/// </summary>
internal abstract record ExportStep(string Path);

/// <summary>A 2-D convolution, weight <c>[Out, In/Groups, kH, kW]</c>; zero padding, <see cref="Pads"/> as (top, left).</summary>
internal sealed record ConvStep(string Path, float[] Weight, float[]? Bias, int OutChannels, int InChannels,
    long[] Kernel, long[] Strides, long[] Pads, long[] Dilations, long Groups) : ExportStep(Path)
{
    public bool Padded => Pads.Any(p => p != 0);
}

/// <summary>A fully connected layer, weight <c>[Out, In]</c>.</summary>
internal sealed record GemmStep(string Path, float[] Weight, float[]? Bias, int OutFeatures, int InFeatures) : ExportStep(Path);

/// <summary>
/// <c>x × Scale[c] + Shift[c]</c> per channel: an evaluation-mode batch norm. <see cref="Scale"/> is null when it is
/// all ones. <see cref="Spatial"/> is true on <c>[N, C, H, W]</c> (BatchNorm2d), false on <c>[N, C]</c> (BatchNorm1d).
/// </summary>
internal sealed record ChannelAffineStep(string Path, float[]? Scale, float[] Shift, bool Spatial) : ExportStep(Path)
{
    public int Channels => Shift.Length;

    /// <summary>True when max pooling gives the same result before and after it: no scale, or only positive scales.</summary>
    public bool CommutesWithMax => Scale is null || Scale.All(s => s > 0);
}

/// <summary>Rectified linear unit.</summary>
internal sealed record ReluStep(string Path) : ExportStep(Path);

/// <summary>2-D max pooling, <see cref="Pads"/> as (top, left).</summary>
internal sealed record MaxPoolStep(string Path, long[] Kernel, long[] Strides, long[] Pads, long[] Dilations, bool CeilMode) : ExportStep(Path);

/// <summary>Average over all spatial positions, keeping <c>[N, C, 1, 1]</c>.</summary>
internal sealed record GlobalAveragePoolStep(string Path) : ExportStep(Path);

/// <summary><c>[N, C, H, W]</c> to <c>[N, C·H·W]</c>, channel-major.</summary>
internal sealed record FlattenStep(string Path) : ExportStep(Path);

/// <summary>A layer that does nothing in evaluation mode (dropout).</summary>
internal sealed record IdentityStep(string Path) : ExportStep(Path);

/// <summary><c>Main(x) + Shortcut(x)</c>; an empty <see cref="Shortcut"/> is the identity.</summary>
internal sealed record ResidualStep(string Path, IReadOnlyList<ExportStep> Main, IReadOnlyList<ExportStep> Shortcut) : ExportStep(Path);
