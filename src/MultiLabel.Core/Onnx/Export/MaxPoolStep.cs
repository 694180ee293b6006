namespace MultiLabel.Onnx.Export;

/// <summary>2-D max pooling, <see cref="Pads"/> as (top, left).</summary>
/// <param name="Path">The layer's module path.</param>
/// <param name="Kernel">Window size (height, width).</param>
/// <param name="Strides">Strides (height, width).</param>
/// <param name="Pads">Padding (top, left), the same at the bottom and right.</param>
/// <param name="Dilations">Dilations (height, width).</param>
/// <param name="CeilMode">True when the output size rounds up.</param>
public sealed record MaxPoolStep(string Path, long[] Kernel, long[] Strides, long[] Pads, long[] Dilations, bool CeilMode) : ExportStep(Path);
