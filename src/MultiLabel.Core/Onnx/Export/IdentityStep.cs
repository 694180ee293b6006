namespace MultiLabel.Onnx.Export;

/// <summary>A layer that does nothing in evaluation mode (dropout).</summary>
/// <param name="Path">The layer's module path.</param>
public sealed record IdentityStep(string Path) : ExportStep(Path);
