using MultiLabel.Models;
using MultiLabel.Models.Architectures;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using ResNet = MultiLabel.Models.Architectures.ResNet;

namespace MultiLabel.Persistence.Onnx.Export;

/// <summary>
/// Reads a registry network into <see cref="ExportStep"/>s in the order its <c>forward</c> runs them. TorchSharp
/// cannot trace a forward pass, so the order comes from knowing the architectures: a ResNet's stem, stages and
/// head, a SmallerVGGNet's sequential children. Layers are looked up by their state-dict names, the stable
/// contract the saved weights rely on too.
/// </summary>
internal static class NetworkReader
{
    /// <summary>Layer types a step exists for.</summary>
    public const string ExpressibleLayers =
        "Conv2d, BatchNorm2d, BatchNorm1d, ReLU, MaxPool2d, AdaptiveAvgPool2d(1), Flatten, Dropout, Linear and Sequential";

    /// <summary>The steps of <paramref name="network"/>; throws <see cref="OnnxExportException"/> naming what cannot be expressed.</summary>
    public static IReadOnlyList<ExportStep> Read(MultiLabelNetwork network)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return network switch
        {
            ResNet resnet => ReadResNet(resnet),
            // SmallerVGGNet's forward is head(classifier(features(x))): its children in registration order.
            SmallerVggNet vgg => ReadChildren(vgg, ""),
            _ => throw Unknown(network),
        };
    }

    private static List<ExportStep> ReadResNet(ResNet network)
    {
        var layers = Children(network);
        var steps = new List<ExportStep>();
        steps.AddRange(ReadModule(layers["conv1"], "conv1"));
        steps.AddRange(ReadModule(layers["bn1"], "bn1"));
        steps.Add(new ReluStep("relu"));
        foreach (string name in new[] { "maxpool", "layer1", "layer2", "layer3", "layer4", "avgpool" })
            steps.AddRange(ReadModule(layers[name], name));
        steps.Add(new FlattenStep("flatten"));
        steps.AddRange(ReadModule(layers["fc"], "fc"));
        return steps;
    }

    /// <summary>TorchVision's block: conv-bn-relu, conv-bn (relu, conv-bn when bottleneck), plus the shortcut, then ReLU.</summary>
    private static List<ExportStep> ReadBlock(ResidualBlock block, string path)
    {
        var layers = Children(block);
        var main = new List<ExportStep>();
        var order = block.Bottleneck ? new[] { "conv1", "bn1", "relu1", "conv2", "bn2", "relu2", "conv3", "bn3" } : ["conv1", "bn1", "relu1", "conv2", "bn2"];
        foreach (string name in order)
            main.AddRange(name.StartsWith("relu") ? [new ReluStep($"{path}.{name}")] : ReadModule(layers[name], $"{path}.{name}"));
        var shortcut = layers.TryGetValue("downsample", out var downsample) ? ReadModule(downsample, $"{path}.downsample") : [];
        return [new ResidualStep(path, main, shortcut), new ReluStep($"{path}.relu")];
    }

    private static List<ExportStep> ReadChildren(Module module, string path) =>
        module.named_children().SelectMany(c => ReadModule(c.module, Join(path, c.name))).ToList();

    private static List<ExportStep> ReadModule(Module module, string path) => module switch
    {
        Sequential sequential => ReadChildren(sequential, path),
        ResidualBlock block => ReadBlock(block, path),
        Conv2d conv => [ReadConv(conv, path)],
        BatchNorm2d norm => [ReadBatchNorm(norm, path, spatial: true)],
        BatchNorm1d norm => [ReadBatchNorm(norm, path, spatial: false)],
        TorchSharp.Modules.ReLU => [new ReluStep(path)],
        MaxPool2d pool => [ReadMaxPool(pool, path)],
        AdaptiveAvgPool2d pool when pool.output_size.All(s => s == 1) => [new GlobalAveragePoolStep(path)],
        Flatten flatten when flatten.start_dim == 1 && flatten.end_dim == -1 => [new FlattenStep(path)],
        TorchSharp.Modules.Dropout => [new IdentityStep(path)],
        Linear linear => [ReadLinear(linear, path)],
        _ => throw new OnnxExportException($"Layer '{path}' ({Describe(module)}) cannot be expressed in ONNX by this exporter, which translates {ExpressibleLayers}."),
    };

    private static ConvStep ReadConv(Conv2d conv, string path)
    {
        if (conv.transposed) throw Refuse(path, "is a transposed convolution");
        if (conv.padding_mode != PaddingModes.Zeros) throw Refuse(path, $"pads with {conv.padding_mode}, not zeros");
        if (conv.padding_type == Padding.Same) throw Refuse(path, "uses padding='same'");
        long[] pads = conv.padding_type == Padding.Valid ? [0, 0] : Pair(conv.padding, 0);
        return new ConvStep(path, Values(conv.weight), conv.bias is null ? null : Values(conv.bias),
            (int)conv.out_channels, (int)conv.in_channels, Pair(conv.kernel_size, 1), Pair(conv.stride, 1), pads,
            Pair(conv.dilation, 1), conv.groups);
    }

    /// <summary>Evaluation-mode batch norm as <c>x·s + t</c>: <c>s = γ/√(var+ε)</c>, <c>t = β − mean·s</c> (in double).</summary>
    private static ChannelAffineStep ReadBatchNorm(BatchNorm norm, string path, bool spatial)
    {
        if (norm.running_mean is null || norm.running_var is null)
            throw Refuse(path, "keeps no running statistics, so it normalises with each batch's own");
        float[] mean = Values(norm.running_mean), variance = Values(norm.running_var);
        float[]? gamma = norm.weight is null ? null : Values(norm.weight);
        float[]? beta = norm.bias is null ? null : Values(norm.bias);
        var scale = new float[mean.Length];
        var shift = new float[mean.Length];
        for (int c = 0; c < mean.Length; c++)
        {
            double s = (gamma?[c] ?? 1.0) / Math.Sqrt(variance[c] + norm.eps);
            scale[c] = (float)s;
            shift[c] = (float)((beta?[c] ?? 0.0) - mean[c] * s);
        }
        return new ChannelAffineStep(path, scale, shift, spatial);
    }

    private static MaxPoolStep ReadMaxPool(MaxPool2d pool, string path)
    {
        long[] kernel = Pair(pool.kernel_size, 1);
        long[] strides = pool.stride is { Length: > 0 } ? Pair(pool.stride, 1) : kernel;
        return new MaxPoolStep(path, kernel, strides, Pair(pool.padding, 0), Pair(pool.dilation, 1), pool.ceil_mode);
    }

    private static GemmStep ReadLinear(Linear linear, string path) =>
        new(path, Values(linear.weight), linear.bias is null ? null : Values(linear.bias), (int)linear.out_features, (int)linear.in_features);

    /// <summary>A network type whose forward order is unknown: names its first inexpressible layer if it has one.</summary>
    private static OnnxExportException Unknown(MultiLabelNetwork network)
    {
        string type = network.GetType().Name;
        foreach (var (name, module) in network.named_modules())
        {
            if (name.Length == 0 || module.children().Any()) continue;
            try { ReadModule(module, name); }
            catch (OnnxExportException e) { return new OnnxExportException($"Cannot export the {type} network to ONNX. {e.Message}", e); }
        }
        return new OnnxExportException(
            $"Cannot export the {type} network to ONNX: its layers are all expressible, but the exporter knows the order the " +
            "forward pass runs them in only for the registry's networks (ResNet, SmallerVGGNet). Add it to NetworkReader.");
    }

    private static Dictionary<string, Module> Children(Module module) =>
        module.named_children().ToDictionary(c => c.name, c => (Module)c.module);

    private static OnnxExportException Refuse(string path, string reason) =>
        new($"Layer '{path}' {reason}, which this exporter cannot express in ONNX.");

    private static string Describe(Module module) =>
        module.GetType().Name == module.GetName() ? module.GetType().Name : $"{module.GetType().Name} '{module.GetName()}'";

    private static long[] Pair(long[]? values, long fallback) => values switch
    {
        null or { Length: 0 } => [fallback, fallback],
        { Length: 1 } => [values[0], values[0]],
        _ => [values[0], values[1]],
    };

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static float[] Values(Tensor tensor) =>
        tensor.detach().cpu().to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
}
