namespace MultiLabel.Onnx.Export;

/// <summary>Rectified linear unit.</summary>
/// <param name="Path">The layer's module path.</param>
public sealed record ReluStep(string Path) : ExportStep(Path);
