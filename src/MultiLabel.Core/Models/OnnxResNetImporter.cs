using MultiLabel.Models.Architectures;
using MultiLabel.Onnx;
using MultiLabel.Onnx.Protobuf;
using TorchSharp;
using TorchSharp.Modules;
using ResNet = MultiLabel.Models.Architectures.ResNet;
using static TorchSharp.torch;

namespace MultiLabel.Models;

/// <summary>One ONNX initializer copied into the network.</summary>
/// <param name="Initializer">Name of the ONNX initializer, e.g. <c>Parameter91</c>.</param>
/// <param name="Target">Name of the parameter or buffer it was copied into, e.g. <c>conv1.weight</c>.</param>
/// <param name="Shape">Shape of both.</param>
public sealed record OnnxWeightAssignment(string Initializer, string Target, IReadOnlyList<long> Shape);

/// <summary>What <see cref="OnnxResNetImporter.Import"/> did.</summary>
/// <param name="Input">The graph's image input (name, element type, declared shape).</param>
/// <param name="Output">The graph output holding the pooled features.</param>
/// <param name="Assignments">Every initializer copied, in the network's forward order; each graph initializer appears once.</param>
public sealed record OnnxResNetImport(ValueInfoProto Input, ValueInfoProto Output, IReadOnlyList<OnnxWeightAssignment> Assignments);

/// <summary>
/// Copies the weights of a ResNet backbone stored as an ONNX graph (Conv, BatchNormalization, Relu, MaxPool,
/// Add, AveragePool nodes, as CNTK or PyTorch export it) into a <see cref="ResNet"/>. The graph is walked along
/// its data flow, and its stem and residual blocks are matched to the network's modules in forward order;
/// convolution and pooling attributes, batch-norm epsilon and every tensor shape are checked, and every
/// initializer must be used exactly once. Running means and variances go into the batch norms' buffers; the
/// head (<c>fc</c>) is not touched.
/// </summary>
public static class OnnxResNetImporter
{
    /// <summary>Loads the backbone weights of <paramref name="graph"/> into <paramref name="network"/>.</summary>
    /// <exception cref="InvalidDataException">The graph is not a ResNet of the network's shape; the message names the first mismatch.</exception>
    public static OnnxResNetImport Import(ResNet network, GraphProto graph)
    {
        var layout = OnnxResNetLayout.Find(graph);
        var import = new Importer(network, graph);
        import.Run(layout);
        var output = graph.Output.First(o => o.Name == layout.Pool.Output[0]);
        return new OnnxResNetImport(layout.Input, output, import.Assignments);
    }

    private sealed class Importer(ResNet network, GraphProto graph)
    {
        private readonly Dictionary<string, nn.Module> modules =
            network.named_modules().ToDictionary(m => m.name, m => m.module);
        private readonly Dictionary<string, TensorProto> initializers = Initializers(graph);
        private readonly HashSet<string> consumed = [];

        public List<OnnxWeightAssignment> Assignments { get; } = [];

        public void Run(OnnxResNetLayout layout)
        {
            int expected = network.Blocks.Sum();
            if (layout.Blocks.Count != expected)
                throw new InvalidDataException(
                    $"the graph has {layout.Blocks.Count} residual blocks; {network.GetName()} with stages [{string.Join(",", network.Blocks)}] has {expected}");

            CopyConvNorm(layout.Stem, "conv1", "bn1");
            CheckMaxPool(layout.MaxPool);
            int index = 0;
            for (int stage = 0; stage < 4; stage++)
                for (int b = 0; b < network.Blocks[stage]; b++)
                    CopyBlock(layout.Blocks[index++], $"layer{stage + 1}.{b}");
            CheckAveragePool(layout.Pool, layout.Input);

            var unused = graph.Initializer.Select(t => t.Name).Where(n => !consumed.Contains(n)).ToArray();
            if (unused.Length > 0)
                throw new InvalidDataException($"{unused.Length} initializers are not used by the ResNet layout: {string.Join(", ", unused.Take(10))}");
        }

        private void CopyBlock(OnnxResidualBlock block, string prefix)
        {
            int convs = network.IsBottleneck ? 3 : 2;
            if (block.Main.Count != convs)
                throw new InvalidDataException($"the block matched to {prefix} has {block.Main.Count} convolutions on its main path, {prefix} has {convs}");
            for (int i = 0; i < convs; i++) CopyConvNorm(block.Main[i], $"{prefix}.conv{i + 1}", $"{prefix}.bn{i + 1}");

            bool projects = modules.ContainsKey($"{prefix}.downsample");
            if (projects != (block.Shortcut is not null))
                throw new InvalidDataException(
                    $"the block matched to {prefix} has {(block.Shortcut is null ? "an identity" : "a projection")} shortcut, {prefix} has {(projects ? "a projection" : "an identity")}");
            if (block.Shortcut is not null) CopyConvNorm(block.Shortcut, $"{prefix}.downsample.0", $"{prefix}.downsample.1");
        }

        private void CopyConvNorm(OnnxConvNorm unit, string convName, string normName)
        {
            var conv = Module<Conv2d>(convName);
            var node = unit.Conv;
            if (node.StringOr("auto_pad", "NOTSET") is not ("NOTSET" or ""))
                throw Mismatch(node, convName, $"auto_pad '{node.StringOr("auto_pad", "")}' (only explicit pads are supported)");
            CheckEqual(node, convName, "group", [node.IntOr("group", 1)], [conv.groups]);
            CheckEqual(node, convName, "dilations", node.IntsOr("dilations", [1, 1]), conv.dilation);
            CheckEqual(node, convName, "strides", node.IntsOr("strides", [1, 1]), conv.stride);
            CheckPads(node, convName, node.IntsOr("pads", [0, 0, 0, 0]), conv.padding ?? [0, 0], conv.stride);
            Copy(node, 1, conv.weight, $"{convName}.weight");

            var norm = Module<BatchNorm2d>(normName);
            var bn = unit.Norm;
            float epsilon = bn.FloatOr("epsilon", 1e-5f);
            if (Math.Abs(epsilon - norm.eps) > 1e-6 * norm.eps)
                throw Mismatch(bn, normName, $"epsilon {epsilon}, the network uses {norm.eps}");
            if (bn.IntOr("spatial", 1) != 1) throw Mismatch(bn, normName, "spatial=0 (per-pixel statistics)");
            Copy(bn, 1, norm.weight, $"{normName}.weight");
            Copy(bn, 2, norm.bias!, $"{normName}.bias");
            Copy(bn, 3, norm.running_mean!, $"{normName}.running_mean");
            Copy(bn, 4, norm.running_var!, $"{normName}.running_var");
        }

        /// <summary>The ResNet's stem pool is 3×3, stride 2, padding 1.</summary>
        private static void CheckMaxPool(NodeProto node)
        {
            CheckEqual(node, "maxpool", "kernel_shape", node.IntsOr("kernel_shape", []), [3, 3]);
            CheckEqual(node, "maxpool", "strides", node.IntsOr("strides", [1, 1]), [2, 2]);
            CheckPads(node, "maxpool", node.IntsOr("pads", [0, 0, 0, 0]), [1, 1], [2, 2]);
        }

        /// <summary>An AveragePool must cover the whole last feature map at the declared input size (the network pools adaptively).</summary>
        private static void CheckAveragePool(NodeProto node, ValueInfoProto input)
        {
            if (node.OpType == "GlobalAveragePool") return;
            CheckEqual(node, "avgpool", "pads", node.IntsOr("pads", [0, 0, 0, 0]), [0, 0, 0, 0]);
            if (input.FixedShape is [_, _, long height, long width])
                CheckEqual(node, "avgpool", "kernel_shape", node.IntsOr("kernel_shape", []), [height / 32, width / 32]);
        }

        /// <summary>
        /// ONNX pads are [top, left, bottom, right]. The start must equal the module's symmetric padding; the end
        /// may be smaller by up to stride − 1 (CNTK pads strided layers [1,1,0,0]): the output size and every
        /// window are then the same whenever the input side is a multiple of the stride.
        /// </summary>
        private static void CheckPads(NodeProto node, string target, IReadOnlyList<long> pads, long[] padding, long[] stride)
        {
            bool fits = pads.Count == 4 && padding.Length == 2 && Enumerable.Range(0, 2).All(i =>
                pads[i] == padding[i] && pads[i + 2] <= padding[i] && pads[i + 2] >= padding[i] - (stride[i] - 1));
            if (!fits)
                throw Mismatch(node, target, $"pads [{string.Join(",", pads)}], which padding ({string.Join(",", padding)}) with stride ({string.Join(",", stride)}) cannot reproduce");
        }

        private static void CheckEqual(NodeProto node, string target, string attribute, IReadOnlyList<long> actual, IReadOnlyList<long> expected)
        {
            if (!actual.SequenceEqual(expected))
                throw Mismatch(node, target, $"{attribute} [{string.Join(",", actual)}] where [{string.Join(",", expected)}] was expected");
        }

        private void Copy(NodeProto node, int inputIndex, Tensor target, string targetName)
        {
            string name = node.Input[inputIndex];
            if (!initializers.TryGetValue(name, out var tensor))
                throw Mismatch(node, targetName, $"input '{name}', which is not an initializer (a constant)");
            if (!consumed.Add(name))
                throw Mismatch(node, targetName, $"initializer '{name}', which an earlier node already used");
            if (!tensor.Dims.SequenceEqual(target.shape))
                throw new InvalidDataException(
                    $"initializer '{name}' of {node.Describe()} has shape [{string.Join(",", tensor.Dims)}], {targetName} has [{string.Join(",", target.shape)}]");

            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var values = torch.tensor(tensor.ToFloatArray(), target.shape, dtype: target.dtype, device: target.device);
            target.copy_(values);
            Assignments.Add(new OnnxWeightAssignment(name, targetName, tensor.Dims.ToArray()));
        }

        private T Module<T>(string name) where T : nn.Module =>
            modules.TryGetValue(name, out var module) && module is T typed
                ? typed
                : throw new InvalidOperationException($"{network.GetName()} has no {typeof(T).Name} called '{name}'.");

        private static InvalidDataException Mismatch(NodeProto node, string target, string what) =>
            new($"{node.Describe()} (matched to {target}) has {what}");

        private static Dictionary<string, TensorProto> Initializers(GraphProto graph)
        {
            var byName = new Dictionary<string, TensorProto>();
            foreach (var tensor in graph.Initializer)
                if (!byName.TryAdd(tensor.Name, tensor))
                    throw new InvalidDataException($"the graph has two initializers called '{tensor.Name}'");
            return byName;
        }
    }
}
