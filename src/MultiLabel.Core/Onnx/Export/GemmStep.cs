namespace MultiLabel.Onnx.Export;

/// <summary>A fully connected layer, weight <c>[Out, In]</c>.</summary>
/// <param name="Path">The layer's module path.</param>
/// <param name="Weight">Weights, row-major <c>[Out, In]</c>.</param>
/// <param name="Bias">Bias per output, or null when it has none.</param>
/// <param name="OutFeatures">Outputs.</param>
/// <param name="InFeatures">Inputs.</param>
public sealed record GemmStep(string Path, float[] Weight, float[]? Bias, int OutFeatures, int InFeatures) : ExportStep(Path);
