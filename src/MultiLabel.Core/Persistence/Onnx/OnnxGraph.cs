namespace MultiLabel.Persistence.Onnx;

/// <summary>
/// The computation of a model (<c>GraphProto</c>): nodes in topological order, constant initializers and
/// the declared inputs and outputs.
/// </summary>
/// <param name="Name">Graph name.</param>
/// <param name="Nodes">Nodes, sorted topologically as ONNX requires.</param>
/// <param name="Initializers">Constant tensors (weights), by name.</param>
/// <param name="Inputs">Declared inputs; before IR version 4 these also list the initializers.</param>
/// <param name="Outputs">Declared outputs.</param>
/// <param name="ValueInfo">Declared types of intermediate values (optional in ONNX).</param>
/// <param name="DocString">Free documentation text.</param>
public sealed record OnnxGraph(
    string Name,
    IReadOnlyList<OnnxNode> Nodes,
    IReadOnlyList<OnnxTensor> Initializers,
    IReadOnlyList<OnnxValueInfo> Inputs,
    IReadOnlyList<OnnxValueInfo> Outputs,
    IReadOnlyList<OnnxValueInfo> ValueInfo,
    string DocString)
{
    /// <summary>The inputs a caller feeds: the declared inputs that are not initializers.</summary>
    public IReadOnlyList<OnnxValueInfo> DataInputs =>
        Inputs.Where(i => !Initializers.Any(t => t.Name == i.Name)).ToArray();

    /// <summary>The initializer called <paramref name="name"/>, or null.</summary>
    public OnnxTensor? Initializer(string name) => Initializers.FirstOrDefault(t => t.Name == name);
}
