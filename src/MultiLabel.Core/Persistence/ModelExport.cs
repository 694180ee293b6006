using System.Text.Json;
using Google.Protobuf;
using MultiLabel.Files;
using MultiLabel.Models;
using MultiLabel.Onnx;
using MultiLabel.Onnx.Protobuf;

namespace MultiLabel.Persistence;

/// <summary>
/// A bundle's network as ONNX: the network's own export steps (<see cref="MultiLabelNetwork.ExportSteps"/>) written by
/// <see cref="OnnxExporter"/> with what the manifest says about feeding and labelling it.
/// </summary>
public static class ModelExport
{
    private static readonly JsonSerializerOptions Compact = new(JsonFormat.Options) { WriteIndented = false };

    /// <summary>The plain description of the model the exporter needs, from <paramref name="manifest"/>.</summary>
    public static OnnxExportSpec Spec(BundleManifest manifest, OnnxInputLayout layout = OnnxInputLayout.Nhwc) => new()
    {
        Architecture = manifest.Architecture,
        Labels = manifest.Labels,
        Thresholds = manifest.Thresholds,
        ImageSize = manifest.ImageSize,
        Multiplier = manifest.Normalization.Multiplier(),
        Offset = manifest.Normalization.Offset(),
        NormalizationMetadata = JsonSerializer.Serialize(manifest.Normalization, Compact),
        ProducerVersion = manifest.ToolVersion,
        InputLayout = layout,
    };

    /// <summary>The ONNX model of <paramref name="network"/> fed and labelled as <paramref name="manifest"/> says, its input in <paramref name="layout"/>.</summary>
    /// <exception cref="OnnxExportException">A layer cannot be expressed, or the manifest does not fit the network.</exception>
    public static ModelProto Export(MultiLabelNetwork network, BundleManifest manifest, OnnxInputLayout layout = OnnxInputLayout.Nhwc)
    {
        if (manifest.Labels.Count != network.LabelCount)
            throw new OnnxExportException($"The manifest names {manifest.Labels.Count} labels but the network predicts {network.LabelCount}.");
        var n = manifest.Normalization;
        if (n.Mean.Length != 3 || n.Std.Length != 3 || n.Std.Any(s => s == 0))
            throw new OnnxExportException("The manifest's normalisation needs three means and three non-zero deviations (R, G, B).");
        return OnnxExporter.Export(network.ExportSteps(""), Spec(manifest, layout));
    }

    /// <summary>The bytes of the ONNX file for <paramref name="network"/>.</summary>
    /// <exception cref="OnnxExportException">A layer cannot be expressed, or the manifest does not fit the network.</exception>
    public static byte[] ToBytes(MultiLabelNetwork network, BundleManifest manifest, OnnxInputLayout layout = OnnxInputLayout.Nhwc) =>
        Export(network, manifest, layout).ToByteArray();

    /// <summary>Writes the public ONNX file (NHWC input) for <paramref name="network"/> to <paramref name="path"/>, atomically.</summary>
    /// <exception cref="OnnxExportException">A layer cannot be expressed, or the manifest does not fit the network.</exception>
    public static void Save(string path, MultiLabelNetwork network, BundleManifest manifest)
    {
        byte[] bytes = ToBytes(network, manifest);
        AtomicFile.Write(path, stream => stream.Write(bytes));
    }
}
