namespace MultiLabel.Persistence.Onnx.Export;

/// <summary>
/// Collects the nodes and initializers of a graph being written, in topological order, and keeps every value
/// name unique (a wanted name already taken gets a <c>_2</c>, <c>_3</c>… suffix).
/// </summary>
internal sealed class OnnxGraphBuilder
{
    private readonly List<OnnxNode> nodes = [];
    private readonly List<OnnxTensor> initializers = [];
    private readonly HashSet<string> names = [];

    public IReadOnlyList<OnnxNode> Nodes => nodes;

    public IReadOnlyList<OnnxTensor> Initializers => initializers;

    /// <summary>Reserves <paramref name="wanted"/>, or the first free suffixed variant of it, as a value name.</summary>
    public string Reserve(string wanted)
    {
        string name = wanted;
        for (int n = 2; !names.Add(name); n++) name = $"{wanted}_{n}";
        return name;
    }

    /// <summary>
    /// Adds a float initializer of shape <paramref name="dims"/>, holding <paramref name="values"/> itself (not a
    /// copy; it is written as <c>float_data</c>); returns its name.
    /// </summary>
    public string Constant(string name, float[] values, params long[] dims)
    {
        if (values.Length != dims.Aggregate(1L, (p, d) => p * d))
            throw new ArgumentException($"Constant '{name}' has {values.Length} values for shape [{string.Join(",", dims)}].");
        string unique = Reserve(name);
        initializers.Add(new OnnxTensor(unique, dims, OnnxDataType.Float, default, values, [], ""));
        return unique;
    }

    /// <summary>Adds a node with one output, named (like the node) <paramref name="name"/> or a suffixed variant; returns the output.</summary>
    public string Node(string opType, string name, IReadOnlyList<string> inputs, params OnnxAttribute[] attributes)
    {
        string output = Reserve(name);
        nodes.Add(new OnnxNode(output, opType, "", inputs, [output], attributes, ""));
        return output;
    }

    public static OnnxAttribute Int(string name, long value) =>
        new(name, OnnxAttributeType.Int, 0, value, "", null, [], [], []);

    public static OnnxAttribute Ints(string name, params long[] values) =>
        new(name, OnnxAttributeType.Ints, 0, 0, "", null, [], values, []);
}
