namespace MultiLabel.Onnx.Export;

/// <summary>A 2-D convolution, weight <c>[Out, In/Groups, kH, kW]</c>; zero padding, <see cref="Pads"/> as (top, left).</summary>
/// <param name="Path">The layer's module path.</param>
/// <param name="Weight">Weights, row-major <c>[Out, In/Groups, kH, kW]</c>.</param>
/// <param name="Bias">Bias per output channel, or null when it has none.</param>
/// <param name="OutChannels">Output channels.</param>
/// <param name="InChannels">Input channels.</param>
/// <param name="Kernel">Kernel size (height, width).</param>
/// <param name="Strides">Strides (height, width).</param>
/// <param name="Pads">Zero padding (top, left), the same at the bottom and right.</param>
/// <param name="Dilations">Dilations (height, width).</param>
/// <param name="Groups">Number of channel groups.</param>
public sealed record ConvStep(string Path, float[] Weight, float[]? Bias, int OutChannels, int InChannels,
    long[] Kernel, long[] Strides, long[] Pads, long[] Dilations, long Groups) : ExportStep(Path)
{
    /// <summary>True when it pads its input at all.</summary>
    public bool Padded => Pads.Any(p => p != 0);
}
