using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Google.Protobuf;
using MultiLabel.Onnx.Export;
using MultiLabel.Onnx.Protobuf;
using DataType = MultiLabel.Onnx.Protobuf.TensorProto.Types.DataType;

namespace MultiLabel.Onnx;

/// <summary>
/// Writes a network, given as the <see cref="ExportStep"/>s of its forward pass, as one self-contained, standard ONNX
/// model (opset <see cref="OpsetVersion"/>) that takes raw pixels and gives probabilities, so a consumer needs nothing
/// but the file: <c>pixels</c> uint8 <c>[batch, size, size, 3]</c> (RGB, NHWC; or planar NCHW, see
/// <see cref="OnnxInputLayout"/>) → Cast → Transpose to NCHW → Mul and Add (the normalisation) → the network, batch
/// norms folded into convolutions (see <c>BatchNormFolding</c>), dropout removed → Sigmoid → <c>probabilities</c>
/// float <c>[batch, labels]</c>. The metadata properties hold the labels, thresholds, input size, normalisation
/// (JSON) and the architecture's registry name.
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

    private static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The ONNX model of the network whose forward pass is <paramref name="steps"/>, fed and labelled as <paramref name="spec"/> says.</summary>
    /// <exception cref="OnnxExportException">The spec is not one a graph can be written for.</exception>
    public static ModelProto Export(IReadOnlyList<ExportStep> steps, OnnxExportSpec spec)
    {
        Validate(spec);
        var graph = new OnnxGraphBuilder();
        graph.Reserve(InputName);
        graph.Reserve(OutputName);
        string x = Normalize(graph, spec);
        x = new GraphEmitter(graph).Emit(BatchNormFolding.Fold(steps), x);
        graph.Node("Sigmoid", "sigmoid", [x]);
        var last = graph.Nodes[^1];
        last.Output.Clear();
        last.Output.Add(OutputName);

        int size = spec.ImageSize, labels = spec.Labels.Count;
        bool nhwc = spec.InputLayout == OnnxInputLayout.Nhwc;
        object[] inputShape = nhwc ? [BatchDimension, size, size, 3] : [BatchDimension, 3, size, size];
        var onnxGraph = new GraphProto
        {
            Name = spec.Architecture,
            Node = { graph.Nodes },
            Initializer = { graph.Initializers },
            Input =
            {
                ValueInfoProto.Tensor(InputName, DataType.Uint8, inputShape,
                    $"RGB pixels 0-255, {(nhwc ? "[batch, height, width, 3]" : "[batch, 3, height, width]")}, {size}×{size}"),
            },
            Output =
            {
                ValueInfoProto.Tensor(OutputName, DataType.Float, [BatchDimension, labels],
                    "sigmoid probability of each label, in the order of the 'labels' metadata"),
            },
            DocString = $"{spec.Architecture} multi-label classifier, {labels} labels, {size}×{size} input",
        };
        return new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "MultiLabel",
            ProducerVersion = spec.ProducerVersion,
            ModelVersion = 1,
            DocString = "Multi-label image classifier exported by MultiLabel: feed uint8 RGB pixels, get one probability per label; " +
                        "a label is predicted when its probability reaches its threshold (metadata 'thresholds').",
            Graph = onnxGraph,
            OpsetImport = { new OperatorSetIdProto { Domain = "", Version = OpsetVersion } },
            MetadataProps = { Metadata(spec) },
        };
    }

    /// <summary>The bytes of the ONNX file for <paramref name="steps"/> and <paramref name="spec"/>.</summary>
    /// <exception cref="OnnxExportException">The spec is not one a graph can be written for.</exception>
    public static byte[] ToBytes(IReadOnlyList<ExportStep> steps, OnnxExportSpec spec) => Export(steps, spec).ToByteArray();

    /// <summary>Cast to float, put channels first (NHWC input), then <c>x·multiplier + offset</c> per channel.</summary>
    private static string Normalize(OnnxGraphBuilder graph, OnnxExportSpec spec)
    {
        string x = graph.Node("Cast", "pixels_float", [InputName], AttributeProto.Int("to", (long)DataType.Float));
        if (spec.InputLayout == OnnxInputLayout.Nhwc)
            x = graph.Node("Transpose", "pixels_nchw", [x], AttributeProto.IntList("perm", 0, 3, 1, 2));
        x = graph.Node("Mul", "normalize_scale", [x, graph.Constant("normalization.multiplier", [.. spec.Multiplier], 3, 1, 1)]);
        return graph.Node("Add", "normalized", [x, graph.Constant("normalization.offset", [.. spec.Offset], 3, 1, 1)]);
    }

    private static IEnumerable<StringStringEntryProto> Metadata(OnnxExportSpec spec) =>
    [
        new() { Key = LabelsKey, Value = JsonSerializer.Serialize(spec.Labels, Compact) },
        new() { Key = ThresholdsKey, Value = JsonSerializer.Serialize(spec.Thresholds, Compact) },
        new() { Key = ImageSizeKey, Value = spec.ImageSize.ToString(CultureInfo.InvariantCulture) },
        new() { Key = NormalizationKey, Value = spec.NormalizationMetadata },
        new() { Key = ArchitectureKey, Value = spec.Architecture },
    ];

    private static void Validate(OnnxExportSpec spec)
    {
        if (spec.Labels.Count == 0)
            throw new OnnxExportException("The model names no labels.");
        if (spec.Thresholds.Count != spec.Labels.Count)
            throw new OnnxExportException($"The model has {spec.Thresholds.Count} thresholds for {spec.Labels.Count} labels.");
        if (spec.ImageSize <= 0)
            throw new OnnxExportException($"The model's image size {spec.ImageSize} is not a positive number of pixels.");
        if (spec.Multiplier.Count != 3 || spec.Offset.Count != 3 || spec.Multiplier.Any(m => !float.IsFinite(m)) || spec.Offset.Any(o => !float.IsFinite(o)))
            throw new OnnxExportException("The model's normalisation needs three finite multipliers and offsets (R, G, B): three means and three non-zero deviations.");
    }
}
