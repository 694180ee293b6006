using MultiLabel.Onnx.Export;

namespace MultiLabel.Models.Export;

/// <summary>
/// A module that says how its forward pass is written as ONNX: its layers as <see cref="ExportStep"/>s, in the order
/// forward runs them. TorchSharp cannot trace a forward pass, so each architecture knows its own order; the plain
/// layers inside it are translated by <see cref="LayerSteps"/>.
/// </summary>
public interface IExportable
{
    /// <summary>The forward pass as steps; <paramref name="path"/> is the module's own path ("" for a whole network).</summary>
    /// <exception cref="MultiLabel.Onnx.OnnxExportException">A layer cannot be expressed; the message names it.</exception>
    IReadOnlyList<ExportStep> ExportSteps(string path);
}
