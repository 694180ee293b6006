namespace MultiLabel.Onnx.Export;

/// <summary>Average over all spatial positions, keeping <c>[N, C, 1, 1]</c>.</summary>
/// <param name="Path">The layer's module path.</param>
public sealed record GlobalAveragePoolStep(string Path) : ExportStep(Path);
