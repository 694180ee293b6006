using System.Globalization;
using System.Text.Json;
using MultiLabel.Files;
using MultiLabel.Models;
using MultiLabel.Persistence.Onnx.Export;

namespace MultiLabel.Persistence.Onnx;

/// <summary>
/// Writes a trained network as one self-contained, standard ONNX model (opset <see cref="OpsetVersion"/>) that
/// takes raw pixels and gives probabilities, so a consumer needs nothing but the file:
/// <c>pixels</c> uint8 <c>[batch, size, size, 3]</c> (RGB, NHWC) → Cast → Transpose to NCHW → Mul and Add (the
/// manifest's normalisation) → the network, batch norms folded into convolutions (see <c>BatchNormFolding</c>),
/// dropout removed → Sigmoid → <c>probabilities</c> float <c>[batch, labels]</c>. The metadata properties hold the
/// labels, thresholds, input size, normalisation (JSON) and the architecture's registry name.
/// </summary>
public static class OnnxExporter
{
    /// <summary>Name of the graph input: uint8 RGB pixels, <c>[batch, size, size, 3]</c>.</summary>
    public const string InputName = "pixels";

    /// <summary>Name of the graph output: one sigmoid probability per label, <c>[batch, labels]</c>.</summary>
    public const string OutputName = "probabilities";

    /// <summary>Symbolic name of the dynamic batch dimension.</summary>
    public const string BatchDimension = "batch";

    /// <summary>Version of the standard ONNX operator set the graph uses.</summary>
    public const long OpsetVersion = 17;

    /// <summary>ONNX IR version of the file, the one released with <see cref="OpsetVersion"/> (ONNX 1.12).</summary>
    public const long IrVersion = 8;

    /// <summary>Metadata key of the labels in output order, a JSON array of strings.</summary>
    public const string LabelsKey = "labels";

    /// <summary>Metadata key of the decision thresholds in output order, a JSON array of numbers.</summary>
    public const string ThresholdsKey = "thresholds";

    /// <summary>Metadata key of the input side length in pixels, a JSON number.</summary>
    public const string ImageSizeKey = "image_size";

    /// <summary>Metadata key of the normalisation the graph applies, JSON <c>{"scale", "mean", "std"}</c> (already inside the graph).</summary>
    public const string NormalizationKey = "normalization";

    /// <summary>Metadata key of the network's registry name (plain text).</summary>
    public const string ArchitectureKey = "architecture";

    private static readonly JsonSerializerOptions Compact = new(JsonFormat.Options) { WriteIndented = false };

    /// <summary>The ONNX model of <paramref name="network"/> fed and labelled as <paramref name="manifest"/> says.</summary>
    /// <exception cref="OnnxExportException">A layer cannot be expressed, or the manifest does not fit the network.</exception>
    public static OnnxModel Export(MultiLabelNetwork network, BundleManifest manifest) =>
        Export(network, manifest, OnnxInputLayout.Nhwc);

    /// <summary>The bytes of the ONNX file for <paramref name="network"/>.</summary>
    /// <exception cref="OnnxExportException">A layer cannot be expressed, or the manifest does not fit the network.</exception>
    public static byte[] ToBytes(MultiLabelNetwork network, BundleManifest manifest) =>
        OnnxModelWriter.Serialize(Export(network, manifest));

    /// <summary>Writes the ONNX file for <paramref name="network"/> to <paramref name="path"/>, atomically.</summary>
    /// <exception cref="OnnxExportException">A layer cannot be expressed, or the manifest does not fit the network.</exception>
    public static void Save(string path, MultiLabelNetwork network, BundleManifest manifest)
    {
        byte[] bytes = ToBytes(network, manifest);
        AtomicFile.Write(path, stream => stream.Write(bytes));
    }

    /// <summary>The model with its input in <paramref name="layout"/>; NCHW is for in-process engines fed planar pixels.</summary>
    internal static OnnxModel Export(MultiLabelNetwork network, BundleManifest manifest, OnnxInputLayout layout)
    {
        Validate(network, manifest);
        var steps = BatchNormFolding.Fold(NetworkReader.Read(network));
        var graph = new OnnxGraphBuilder();
        graph.Reserve(InputName);
        graph.Reserve(OutputName);
        string x = Normalize(graph, manifest.Normalization, layout);
        x = new GraphEmitter(graph).Emit(steps, x);
        graph.Node("Sigmoid", "sigmoid", [x]);
        var nodes = graph.Nodes.ToList();
        nodes[^1] = nodes[^1] with { Outputs = [OutputName] };

        int size = manifest.ImageSize;
        var batch = new OnnxDimension(null, BatchDimension);
        OnnxDimension[] inputShape = layout == OnnxInputLayout.Nhwc
            ? [batch, Fixed(size), Fixed(size), Fixed(3)]
            : [batch, Fixed(3), Fixed(size), Fixed(size)];
        var input = new OnnxValueInfo(InputName, OnnxDataType.UInt8, inputShape,
            $"RGB pixels 0-255, {(layout == OnnxInputLayout.Nhwc ? "[batch, height, width, 3]" : "[batch, 3, height, width]")}, {size}×{size}");
        var output = new OnnxValueInfo(OutputName, OnnxDataType.Float, [batch, Fixed(network.LabelCount)],
            "sigmoid probability of each label, in the order of the 'labels' metadata");
        var onnxGraph = new OnnxGraph(manifest.Architecture, nodes, graph.Initializers, [input], [output], [],
            $"{manifest.Architecture} multi-label classifier, {network.LabelCount} labels, {size}×{size} input");
        return new OnnxModel(IrVersion, "MultiLabel", manifest.ToolVersion, "", 1,
            "Multi-label image classifier exported by MultiLabel: feed uint8 RGB pixels, get one probability per label; " +
            "a label is predicted when its probability reaches its threshold (metadata 'thresholds').",
            [new OnnxOperatorSet("", OpsetVersion)], Metadata(manifest), onnxGraph);
    }

    /// <summary>Cast to float, put channels first (NHWC input), then <c>x·(scale/std) + (−mean/std)</c> per channel.</summary>
    private static string Normalize(OnnxGraphBuilder graph, Normalization n, OnnxInputLayout layout)
    {
        string x = graph.Node("Cast", "pixels_float", [InputName], OnnxGraphBuilder.Int("to", (long)OnnxDataType.Float));
        if (layout == OnnxInputLayout.Nhwc)
            x = graph.Node("Transpose", "pixels_nchw", [x], OnnxGraphBuilder.Ints("perm", 0, 3, 1, 2));
        x = graph.Node("Mul", "normalize_scale", [x, graph.Constant("normalization.multiplier", n.Multiplier(), 3, 1, 1)]);
        return graph.Node("Add", "normalized", [x, graph.Constant("normalization.offset", n.Offset(), 3, 1, 1)]);
    }

    private static List<KeyValuePair<string, string>> Metadata(BundleManifest manifest) =>
    [
        new(LabelsKey, JsonSerializer.Serialize(manifest.Labels, Compact)),
        new(ThresholdsKey, JsonSerializer.Serialize(manifest.Thresholds, Compact)),
        new(ImageSizeKey, manifest.ImageSize.ToString(CultureInfo.InvariantCulture)),
        new(NormalizationKey, JsonSerializer.Serialize(manifest.Normalization, Compact)),
        new(ArchitectureKey, manifest.Architecture),
    ];

    private static void Validate(MultiLabelNetwork network, BundleManifest manifest)
    {
        if (manifest.Labels.Count != network.LabelCount)
            throw new OnnxExportException($"The manifest names {manifest.Labels.Count} labels but the network predicts {network.LabelCount}.");
        if (manifest.Thresholds.Count != manifest.Labels.Count)
            throw new OnnxExportException($"The manifest has {manifest.Thresholds.Count} thresholds for {manifest.Labels.Count} labels.");
        if (manifest.ImageSize <= 0)
            throw new OnnxExportException($"The manifest's image size {manifest.ImageSize} is not a positive number of pixels.");
        var n = manifest.Normalization;
        if (n.Mean.Length != 3 || n.Std.Length != 3 || n.Std.Any(s => s == 0))
            throw new OnnxExportException("The manifest's normalisation needs three means and three non-zero deviations (R, G, B).");
    }

    private static OnnxDimension Fixed(long value) => new(value, null);
}

/// <summary>How the exported graph's uint8 input is laid out.</summary>
internal enum OnnxInputLayout
{
    /// <summary><c>[batch, height, width, 3]</c>: what image libraries give; the public file's layout.</summary>
    Nhwc,

    /// <summary><c>[batch, 3, height, width]</c>: the planar layout the decoder and the engines use.</summary>
    Nchw,
}
