namespace MultiLabel.Onnx.Export;

/// <summary><c>Main(x) + Shortcut(x)</c>; an empty <see cref="Shortcut"/> is the identity.</summary>
/// <param name="Path">The block's module path.</param>
/// <param name="Main">The main branch.</param>
/// <param name="Shortcut">The shortcut branch; empty for the identity.</param>
public sealed record ResidualStep(string Path, IReadOnlyList<ExportStep> Main, IReadOnlyList<ExportStep> Shortcut) : ExportStep(Path);
