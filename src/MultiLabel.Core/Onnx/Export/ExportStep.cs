namespace MultiLabel.Onnx.Export;

/// <summary>
/// One operation of an evaluation-mode network on its way to ONNX, its weights copied out as plain arrays
/// (row-major, as the network stores them). A network describes its forward pass as a list of steps (each
/// architecture says its own order; see <c>MultiLabelNetwork.ExportSteps</c>), batch norm is folded away where
/// that is exact (<see cref="BatchNormFolding"/>), and the rest becomes nodes (<see cref="GraphEmitter"/>).
/// </summary>
/// <param name="Path">The layer's module path (e.g. <c>layer1.0.conv1</c>), used to name nodes.</param>
public abstract record ExportStep(string Path);
