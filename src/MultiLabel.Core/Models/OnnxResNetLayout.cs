using MultiLabel.Onnx;
using MultiLabel.Onnx.Protobuf;

namespace MultiLabel.Models;

/// <summary>A convolution and the batch normalisation that reads its output.</summary>
/// <param name="Conv">The <c>Conv</c> node (input, weight; no bias).</param>
/// <param name="Norm">The <c>BatchNormalization</c> node (input, scale, bias, mean, variance).</param>
internal sealed record OnnxConvNorm(NodeProto Conv, NodeProto Norm);

/// <summary>One residual block: the main path's convolutions in order, and the projection shortcut if it has one.</summary>
/// <param name="Main">Conv → BN units of the main path, ReLU between them.</param>
/// <param name="Shortcut">The 1×1 projection of the block input, or null for an identity shortcut.</param>
internal sealed record OnnxResidualBlock(IReadOnlyList<OnnxConvNorm> Main, OnnxConvNorm? Shortcut);

/// <summary>
/// The ResNet found in an ONNX graph by following its data flow from the input, not by node names or
/// initializer order: the stem (Conv → BN → Relu → MaxPool), then residual blocks (each ending in
/// Add → Relu, whose shortcut is the block input or a Conv → BN of it), then the final average pool.
/// Fails with <see cref="InvalidDataException"/> at the first node that does not fit this pattern.
/// </summary>
internal sealed class OnnxResNetLayout
{
    private readonly GraphProto graph;
    private readonly Dictionary<string, List<NodeProto>> consumers = [];
    private readonly HashSet<NodeProto> visited = new(ReferenceEqualityComparer.Instance);

    private OnnxResNetLayout(GraphProto graph)
    {
        this.graph = graph;
        foreach (var node in graph.Node)
            foreach (string input in node.Input.Where(i => i.Length > 0))
            {
                if (!consumers.TryGetValue(input, out var list)) consumers[input] = list = [];
                list.Add(node);
            }
    }

    /// <summary>The graph's one data input.</summary>
    public ValueInfoProto Input { get; private set; } = null!;

    /// <summary>The stem's convolution and batch norm.</summary>
    public OnnxConvNorm Stem { get; private set; } = null!;

    /// <summary>The stem's max pooling node.</summary>
    public NodeProto MaxPool { get; private set; } = null!;

    /// <summary>The residual blocks in forward order, across all stages.</summary>
    public IReadOnlyList<OnnxResidualBlock> Blocks { get; private set; } = [];

    /// <summary>The final <c>AveragePool</c> or <c>GlobalAveragePool</c>, whose output is a graph output.</summary>
    public NodeProto Pool { get; private set; } = null!;

    /// <summary>Finds the ResNet in <paramref name="graph"/>; every node must belong to it.</summary>
    public static OnnxResNetLayout Find(GraphProto graph)
    {
        var layout = new OnnxResNetLayout(graph);
        layout.Walk();
        return layout;
    }

    private void Walk()
    {
        var inputs = graph.DataInputs;
        if (inputs.Count != 1)
            throw new InvalidDataException($"the graph has {inputs.Count} data inputs ({string.Join(", ", inputs.Select(i => i.Describe()))}); a ResNet has one image input");
        Input = inputs[0];

        Stem = ConvNorm(OnlyConsumer(Input.Name, "Conv"));
        var relu = OnlyConsumer(Stem.Norm.Output[0], "Relu");
        MaxPool = OnlyConsumer(relu.Output[0], "MaxPool");

        var blocks = new List<OnnxResidualBlock>();
        string x = MaxPool.Output[0];
        while (Consumers(x).Any(n => n.OpType == "Conv"))
        {
            var (block, output) = Block(x);
            blocks.Add(block);
            x = output;
        }
        Blocks = blocks;

        Pool = OnlyConsumer(x, "AveragePool", "GlobalAveragePool");
        if (!graph.Output.Any(o => o.Name == Pool.Output[0]))
            throw new InvalidDataException($"the output of {Pool.Describe()} is not a graph output; a ResNet backbone ends with its average pool");
        var unexplained = graph.Node.Where(n => !visited.Contains(n)).ToArray();
        if (unexplained.Length > 0)
            throw new InvalidDataException($"{unexplained.Length} nodes are not part of the ResNet layout: {string.Join(", ", unexplained.Take(5).Select(n => n.Describe()))}");
    }

    /// <summary>Reads the residual block starting at value <paramref name="input"/>; returns it and its output value.</summary>
    private (OnnxResidualBlock Block, string Output) Block(string input)
    {
        OnnxConvNorm? first = null, shortcut = null;
        foreach (var conv in Consumers(input).Where(n => n.OpType == "Conv"))
        {
            visited.Add(conv);
            var unit = ConvNorm(conv);
            var next = OnlyConsumer(unit.Norm.Output[0], "Relu", "Add");
            if (next.OpType == "Relu") first = first is null ? unit : throw Unexpected(conv, "a second main path from the same block input");
            else shortcut = shortcut is null ? unit : throw Unexpected(conv, "a second projection shortcut from the same block input");
        }
        if (first is null) throw new InvalidDataException($"no Conv → BatchNormalization → Relu path starts at value '{input}'");

        var main = new List<OnnxConvNorm> { first };
        NodeProto after = OnlyConsumer(first.Norm.Output[0], "Relu");
        while (after.OpType == "Relu")
        {
            var unit = ConvNorm(OnlyConsumer(after.Output[0], "Conv"));
            main.Add(unit);
            after = OnlyConsumer(unit.Norm.Output[0], "Relu", "Add");
        }

        string residual = main[^1].Norm.Output[0];
        string shortcutValue = shortcut?.Norm.Output[0] ?? input;
        var expected = new[] { residual, shortcutValue }.Order(StringComparer.Ordinal);
        if (after.Input.Count != 2 || !after.Input.Order(StringComparer.Ordinal).SequenceEqual(expected))
            throw Unexpected(after, $"inputs [{string.Join(", ", after.Input)}] where the residual '{residual}' and the shortcut '{shortcutValue}' were expected");
        var relu = OnlyConsumer(after.Output[0], "Relu");
        return (new OnnxResidualBlock(main, shortcut), relu.Output[0]);
    }

    private OnnxConvNorm ConvNorm(NodeProto conv)
    {
        if (conv.Input.Count != 2)
            throw Unexpected(conv, conv.Input.Count == 3 ? "a bias, which ResNet convolutions do not have" : $"{conv.Input.Count} inputs");
        var norm = OnlyConsumer(conv.Output[0], "BatchNormalization");
        if (norm.Input.Count != 5 || norm.Output.Count < 1)
            throw Unexpected(norm, $"{norm.Input.Count} inputs where 5 (input, scale, bias, mean, variance) were expected");
        return new OnnxConvNorm(conv, norm);
    }

    /// <summary>The single node reading <paramref name="value"/>, which must be one of <paramref name="opTypes"/>; marks it visited.</summary>
    private NodeProto OnlyConsumer(string value, params string[] opTypes)
    {
        var readers = Consumers(value);
        if (readers.Count != 1)
            throw new InvalidDataException(
                $"value '{value}' is read by {readers.Count} nodes ({string.Join(", ", readers.Select(n => n.Describe()))}) where one {string.Join(" or ", opTypes)} was expected");
        var node = readers[0];
        if (!opTypes.Contains(node.OpType))
            throw new InvalidDataException($"value '{value}' is read by {node.Describe()} where {string.Join(" or ", opTypes)} was expected");
        if (node.Output.Count < 1) throw Unexpected(node, "no output");
        visited.Add(node);
        return node;
    }

    private IReadOnlyList<NodeProto> Consumers(string value) => consumers.TryGetValue(value, out var list) ? list : [];

    private static InvalidDataException Unexpected(NodeProto node, string what) => new($"{node.Describe()} has {what}");
}
