using MultiLabel.Onnx.Protobuf;

namespace MultiLabel.Onnx.Export;

/// <summary>
/// Collects the nodes and initializers of a graph being written, in topological order, and keeps every value
/// name unique (a wanted name already taken gets a <c>_2</c>, <c>_3</c>… suffix).
/// </summary>
internal sealed class OnnxGraphBuilder
{
    private readonly List<NodeProto> nodes = [];
    private readonly List<TensorProto> initializers = [];
    private readonly HashSet<string> names = [];

    public IReadOnlyList<NodeProto> Nodes => nodes;

    public IReadOnlyList<TensorProto> Initializers => initializers;

    /// <summary>Reserves <paramref name="wanted"/>, or the first free suffixed variant of it, as a value name.</summary>
    public string Reserve(string wanted)
    {
        string name = wanted;
        for (int n = 2; !names.Add(name); n++) name = $"{wanted}_{n}";
        return name;
    }

    /// <summary>Adds a float initializer of shape <paramref name="dims"/> holding <paramref name="values"/>; returns its name.</summary>
    public string Constant(string name, float[] values, params long[] dims)
    {
        if (values.Length != dims.Aggregate(1L, (p, d) => p * d))
            throw new ArgumentException($"Constant '{name}' has {values.Length} values for shape [{string.Join(",", dims)}].");
        string unique = Reserve(name);
        initializers.Add(new TensorProto { Name = unique, Dims = { dims }, DataType = (int)TensorProto.Types.DataType.Float, FloatData = { values } });
        return unique;
    }

    /// <summary>Adds a node with one output, named (like the node) <paramref name="name"/> or a suffixed variant; returns the output.</summary>
    public string Node(string opType, string name, IReadOnlyList<string> inputs, params AttributeProto[] attributes)
    {
        string output = Reserve(name);
        nodes.Add(new NodeProto { Name = output, OpType = opType, Input = { inputs }, Output = { output }, Attribute = { attributes } });
        return output;
    }
}
