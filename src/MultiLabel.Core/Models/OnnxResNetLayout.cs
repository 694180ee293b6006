using MultiLabel.Persistence.Onnx;

namespace MultiLabel.Models;

/// <summary>A convolution and the batch normalisation that reads its output.</summary>
/// <param name="Conv">The <c>Conv</c> node (input, weight; no bias).</param>
/// <param name="Norm">The <c>BatchNormalization</c> node (input, scale, bias, mean, variance).</param>
internal sealed record OnnxConvNorm(OnnxNode Conv, OnnxNode Norm);

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
    private readonly OnnxGraph graph;
    private readonly Dictionary<string, List<OnnxNode>> consumers = [];
    private readonly HashSet<OnnxNode> visited = new(ReferenceEqualityComparer.Instance);

    private OnnxResNetLayout(OnnxGraph graph)
    {
        this.graph = graph;
        foreach (var node in graph.Nodes)
            foreach (string input in node.Inputs.Where(i => i.Length > 0))
            {
                if (!consumers.TryGetValue(input, out var list)) consumers[input] = list = [];
                list.Add(node);
            }
    }

    /// <summary>The graph's one data input.</summary>
    public OnnxValueInfo Input { get; private set; } = null!;

    /// <summary>The stem's convolution and batch norm.</summary>
    public OnnxConvNorm Stem { get; private set; } = null!;

    /// <summary>The stem's max pooling node.</summary>
    public OnnxNode MaxPool { get; private set; } = null!;

    /// <summary>The residual blocks in forward order, across all stages.</summary>
    public IReadOnlyList<OnnxResidualBlock> Blocks { get; private set; } = [];

    /// <summary>The final <c>AveragePool</c> or <c>GlobalAveragePool</c>, whose output is a graph output.</summary>
    public OnnxNode Pool { get; private set; } = null!;

    /// <summary>Finds the ResNet in <paramref name="graph"/>; every node must belong to it.</summary>
    public static OnnxResNetLayout Find(OnnxGraph graph)
    {
        var layout = new OnnxResNetLayout(graph);
        layout.Walk();
        return layout;
    }

    private void Walk()
    {
        var inputs = graph.DataInputs;
        if (inputs.Count != 1)
            throw new InvalidDataException($"the graph has {inputs.Count} data inputs ({string.Join(", ", inputs)}); a ResNet has one image input");
        Input = inputs[0];

        Stem = ConvNorm(OnlyConsumer(Input.Name, "Conv"));
        var relu = OnlyConsumer(Stem.Norm.Outputs[0], "Relu");
        MaxPool = OnlyConsumer(relu.Outputs[0], "MaxPool");

        var blocks = new List<OnnxResidualBlock>();
        string x = MaxPool.Outputs[0];
        while (Consumers(x).Any(n => n.OpType == "Conv"))
        {
            var (block, output) = Block(x);
            blocks.Add(block);
            x = output;
        }
        Blocks = blocks;

        Pool = OnlyConsumer(x, "AveragePool", "GlobalAveragePool");
        if (!graph.Outputs.Any(o => o.Name == Pool.Outputs[0]))
            throw new InvalidDataException($"the output of {Pool} is not a graph output; a ResNet backbone ends with its average pool");
        var unexplained = graph.Nodes.Where(n => !visited.Contains(n)).ToArray();
        if (unexplained.Length > 0)
            throw new InvalidDataException($"{unexplained.Length} nodes are not part of the ResNet layout: {string.Join(", ", unexplained.Take(5))}");
    }

    /// <summary>Reads the residual block starting at value <paramref name="input"/>; returns it and its output value.</summary>
    private (OnnxResidualBlock Block, string Output) Block(string input)
    {
        OnnxConvNorm? first = null, shortcut = null;
        foreach (var conv in Consumers(input).Where(n => n.OpType == "Conv"))
        {
            visited.Add(conv);
            var unit = ConvNorm(conv);
            var next = OnlyConsumer(unit.Norm.Outputs[0], "Relu", "Add");
            if (next.OpType == "Relu") first = first is null ? unit : throw Unexpected(conv, "a second main path from the same block input");
            else shortcut = shortcut is null ? unit : throw Unexpected(conv, "a second projection shortcut from the same block input");
        }
        if (first is null) throw new InvalidDataException($"no Conv → BatchNormalization → Relu path starts at value '{input}'");

        var main = new List<OnnxConvNorm> { first };
        OnnxNode after = OnlyConsumer(first.Norm.Outputs[0], "Relu");
        while (after.OpType == "Relu")
        {
            var unit = ConvNorm(OnlyConsumer(after.Outputs[0], "Conv"));
            main.Add(unit);
            after = OnlyConsumer(unit.Norm.Outputs[0], "Relu", "Add");
        }

        string residual = main[^1].Norm.Outputs[0];
        string shortcutValue = shortcut?.Norm.Outputs[0] ?? input;
        var expected = new[] { residual, shortcutValue }.Order(StringComparer.Ordinal);
        if (after.Inputs.Count != 2 || !after.Inputs.Order(StringComparer.Ordinal).SequenceEqual(expected))
            throw Unexpected(after, $"inputs [{string.Join(", ", after.Inputs)}] where the residual '{residual}' and the shortcut '{shortcutValue}' were expected");
        var relu = OnlyConsumer(after.Outputs[0], "Relu");
        return (new OnnxResidualBlock(main, shortcut), relu.Outputs[0]);
    }

    private OnnxConvNorm ConvNorm(OnnxNode conv)
    {
        if (conv.Inputs.Count != 2)
            throw Unexpected(conv, conv.Inputs.Count == 3 ? "a bias, which ResNet convolutions do not have" : $"{conv.Inputs.Count} inputs");
        var norm = OnlyConsumer(conv.Outputs[0], "BatchNormalization");
        if (norm.Inputs.Count != 5 || norm.Outputs.Count < 1)
            throw Unexpected(norm, $"{norm.Inputs.Count} inputs where 5 (input, scale, bias, mean, variance) were expected");
        return new OnnxConvNorm(conv, norm);
    }

    /// <summary>The single node reading <paramref name="value"/>, which must be one of <paramref name="opTypes"/>; marks it visited.</summary>
    private OnnxNode OnlyConsumer(string value, params string[] opTypes)
    {
        var readers = Consumers(value);
        if (readers.Count != 1)
            throw new InvalidDataException(
                $"value '{value}' is read by {readers.Count} nodes ({string.Join(", ", readers)}) where one {string.Join(" or ", opTypes)} was expected");
        var node = readers[0];
        if (!opTypes.Contains(node.OpType))
            throw new InvalidDataException($"value '{value}' is read by {node} where {string.Join(" or ", opTypes)} was expected");
        if (node.Outputs.Count < 1) throw Unexpected(node, "no output");
        visited.Add(node);
        return node;
    }

    private IReadOnlyList<OnnxNode> Consumers(string value) => consumers.TryGetValue(value, out var list) ? list : [];

    private static InvalidDataException Unexpected(OnnxNode node, string what) => new($"{node} has {what}");
}
