namespace MultiLabel.Onnx.Protobuf;

/// <summary>An ONNX model file's content: who made it, which operator sets it needs, its graph.</summary>
public sealed partial class ModelProto
{
    /// <summary>The imported version of the standard ONNX operator set (domain empty or <c>ai.onnx</c>), or null.</summary>
    public long? StandardOpsetVersion =>
        OpsetImport.FirstOrDefault(o => o.Domain is "" or "ai.onnx")?.Version;
}
