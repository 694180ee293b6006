using MultiLabel.Onnx;
using MultiLabel.Onnx.Export;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MultiLabel.Models.Export;

/// <summary>
/// Translates TorchSharp layers (Conv2d, BatchNorm, Linear, pooling, …) into <see cref="ExportStep"/>s, weights copied
/// out as plain arrays. Modules that are <see cref="IExportable"/> describe themselves; a <c>Sequential</c> is its
/// children in order; anything else fails with an <see cref="OnnxExportException"/> naming the layer.
/// </summary>
public static class LayerSteps
{
    /// <summary>Layer types a step exists for.</summary>
    public const string ExpressibleLayers =
        "Conv2d, BatchNorm2d, BatchNorm1d, ReLU, MaxPool2d, AdaptiveAvgPool2d(1), Flatten, Dropout, Linear and Sequential";

    /// <summary>The steps of <paramref name="module"/>, found at <paramref name="path"/>.</summary>
    /// <exception cref="OnnxExportException">It, or a layer inside it, cannot be expressed; the message names the layer.</exception>
    public static IReadOnlyList<ExportStep> Of(Module module, string path) => module switch
    {
        IExportable exportable => exportable.ExportSteps(path),
        Sequential sequential => Children(sequential, path),
        Conv2d conv => [Conv(conv, path)],
        BatchNorm2d norm => [BatchNorm(norm, path, spatial: true)],
        BatchNorm1d norm => [BatchNorm(norm, path, spatial: false)],
        TorchSharp.Modules.ReLU => [new ReluStep(path)],
        MaxPool2d pool => [MaxPool(pool, path)],
        AdaptiveAvgPool2d pool when pool.output_size.All(s => s == 1) => [new GlobalAveragePoolStep(path)],
        Flatten flatten when flatten.start_dim == 1 && flatten.end_dim == -1 => [new FlattenStep(path)],
        TorchSharp.Modules.Dropout => [new IdentityStep(path)],
        Linear linear => [Gemm(linear, path)],
        _ => throw new OnnxExportException($"Layer '{path}' ({Describe(module)}) cannot be expressed in ONNX by this exporter, which translates {ExpressibleLayers}."),
    };

    /// <summary>The steps of <paramref name="module"/>'s children, in registration order (a network whose forward runs them in that order).</summary>
    /// <exception cref="OnnxExportException">A layer cannot be expressed; the message names it.</exception>
    public static IReadOnlyList<ExportStep> Children(Module module, string path) =>
        module.named_children().SelectMany(c => Of(c.module, Join(path, c.name))).ToList();

    /// <summary>The path of child <paramref name="name"/> of the module at <paramref name="path"/>.</summary>
    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>
    /// The error for a network that does not say its forward order: it names the first inexpressible layer when it has
    /// one, else says what the network must do.
    /// </summary>
    public static OnnxExportException Unordered(MultiLabelNetwork network)
    {
        string type = network.GetType().Name;
        foreach (var (name, module) in network.named_modules())
        {
            if (name.Length == 0 || module.children().Any()) continue;
            try { Of(module, name); }
            catch (OnnxExportException e) { return new OnnxExportException($"Cannot export the {type} network to ONNX. {e.Message}", e); }
        }
        return new OnnxExportException(
            $"Cannot export the {type} network to ONNX: its layers are all expressible, but it does not say the order its forward " +
            $"pass runs them in. Override {nameof(MultiLabelNetwork)}.{nameof(MultiLabelNetwork.ExportSteps)} to list them.");
    }

    private static ConvStep Conv(Conv2d conv, string path)
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
    private static ChannelAffineStep BatchNorm(BatchNorm norm, string path, bool spatial)
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

    private static MaxPoolStep MaxPool(MaxPool2d pool, string path)
    {
        long[] kernel = Pair(pool.kernel_size, 1);
        long[] strides = pool.stride is { Length: > 0 } ? Pair(pool.stride, 1) : kernel;
        return new MaxPoolStep(path, kernel, strides, Pair(pool.padding, 0), Pair(pool.dilation, 1), pool.ceil_mode);
    }

    private static GemmStep Gemm(Linear linear, string path) =>
        new(path, Values(linear.weight), linear.bias is null ? null : Values(linear.bias), (int)linear.out_features, (int)linear.in_features);

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

    private static float[] Values(Tensor tensor)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return tensor.detach().cpu().to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
    }
}
