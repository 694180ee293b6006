namespace MultiLabel.Persistence.Onnx;

/// <summary>An ONNX model file's content (<c>ModelProto</c>): who made it, which operator sets it needs, its graph.</summary>
/// <param name="IrVersion">ONNX IR version of the file format.</param>
/// <param name="ProducerName">Tool that wrote it, e.g. <c>CNTK</c>.</param>
/// <param name="ProducerVersion">Version of that tool.</param>
/// <param name="Domain">Model namespace, e.g. <c>ai.cntk</c>.</param>
/// <param name="ModelVersion">Version of the model itself.</param>
/// <param name="DocString">Free documentation text.</param>
/// <param name="OpsetImports">Operator sets its nodes bind to.</param>
/// <param name="MetadataProps">Free key/value metadata, in file order.</param>
/// <param name="Graph">The computation.</param>
public sealed record OnnxModel(
    long IrVersion,
    string ProducerName,
    string ProducerVersion,
    string Domain,
    long ModelVersion,
    string DocString,
    IReadOnlyList<OnnxOperatorSet> OpsetImports,
    IReadOnlyList<KeyValuePair<string, string>> MetadataProps,
    OnnxGraph Graph)
{
    /// <summary>The imported version of the standard ONNX operator set (domain empty or <c>ai.onnx</c>), or null.</summary>
    public long? StandardOpsetVersion =>
        OpsetImports.FirstOrDefault(o => o.Domain is "" or "ai.onnx")?.Version;
}
