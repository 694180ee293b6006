namespace MultiLabel.Persistence.Onnx;

/// <summary>An operator set a model imports (<c>OperatorSetIdProto</c>).</summary>
/// <param name="Domain">Operator domain; empty for the standard ONNX operators (<c>ai.onnx</c>).</param>
/// <param name="Version">Version of that operator set, e.g. 8.</param>
public sealed record OnnxOperatorSet(string Domain, long Version);
