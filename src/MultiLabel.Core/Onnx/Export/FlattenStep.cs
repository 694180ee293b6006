namespace MultiLabel.Onnx.Export;

/// <summary><c>[N, C, H, W]</c> to <c>[N, C·H·W]</c>, channel-major.</summary>
/// <param name="Path">The layer's module path.</param>
public sealed record FlattenStep(string Path) : ExportStep(Path);
