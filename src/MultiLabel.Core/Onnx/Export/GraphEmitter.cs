using MultiLabel.Onnx.Protobuf;

namespace MultiLabel.Onnx.Export;

/// <summary>Turns <see cref="ExportStep"/>s into standard ONNX nodes (opset 17) on an <c>[N, C, H, W]</c> float tensor.</summary>
internal sealed class GraphEmitter(OnnxGraphBuilder graph)
{
    /// <summary>Emits <paramref name="steps"/> in order, starting from the value <paramref name="input"/>; returns the last value.</summary>
    public string Emit(IReadOnlyList<ExportStep> steps, string input)
    {
        foreach (var step in steps) input = Emit(step, input);
        return input;
    }

    private string Emit(ExportStep step, string x) => step switch
    {
        ConvStep conv => Conv(conv, x),
        GemmStep gemm => graph.Node("Gemm", gemm.Path, WithBias(x, graph.Constant($"{gemm.Path}.weight", gemm.Weight, gemm.OutFeatures, gemm.InFeatures), gemm.Bias, gemm.Path),
            AttributeProto.Int("transB", 1)),
        ChannelAffineStep affine => Affine(affine, x),
        ReluStep relu => graph.Node("Relu", relu.Path, [x]),
        MaxPoolStep pool => graph.Node("MaxPool", pool.Path, [x],
            AttributeProto.IntList("kernel_shape", pool.Kernel), AttributeProto.IntList("strides", pool.Strides), AttributeProto.IntList("pads", [.. pool.Pads, .. pool.Pads]),
            AttributeProto.IntList("dilations", pool.Dilations), AttributeProto.Int("ceil_mode", pool.CeilMode ? 1 : 0)),
        GlobalAveragePoolStep pool => graph.Node("GlobalAveragePool", pool.Path, [x]),
        FlattenStep flatten => graph.Node("Flatten", flatten.Path, [x], AttributeProto.Int("axis", 1)),
        IdentityStep => x,
        ResidualStep residual => graph.Node("Add", $"{residual.Path}.add",
            [Emit(residual.Main, x), residual.Shortcut.Count > 0 ? Emit(residual.Shortcut, x) : x]),
        _ => throw new InvalidOperationException($"No ONNX translation for step {step.GetType().Name} '{step.Path}'."),
    };

    private string Conv(ConvStep conv, string x)
    {
        string weight = graph.Constant($"{conv.Path}.weight", conv.Weight,
            conv.OutChannels, conv.InChannels / conv.Groups, conv.Kernel[0], conv.Kernel[1]);
        return graph.Node("Conv", conv.Path, WithBias(x, weight, conv.Bias, conv.Path),
            AttributeProto.IntList("kernel_shape", conv.Kernel), AttributeProto.IntList("strides", conv.Strides), AttributeProto.IntList("pads", [.. conv.Pads, .. conv.Pads]),
            AttributeProto.IntList("dilations", conv.Dilations), AttributeProto.Int("group", conv.Groups));
    }

    private string[] WithBias(string x, string weight, float[]? bias, string path) =>
        bias is null ? [x, weight] : [x, weight, graph.Constant($"{path}.bias", bias, bias.Length)];

    /// <summary>A batch norm that could not be folded: Mul by its scale (when it has one), Add its shift (when not all zero).</summary>
    private string Affine(ChannelAffineStep affine, string x)
    {
        long[] shape = affine.Spatial ? [affine.Channels, 1, 1] : [affine.Channels];
        if (affine.Scale is { } scale)
            x = graph.Node("Mul", $"{affine.Path}.mul", [x, graph.Constant($"{affine.Path}.scale", scale, shape)]);
        if (affine.Shift.Any(t => t != 0))
            x = graph.Node("Add", $"{affine.Path}.add", [x, graph.Constant($"{affine.Path}.shift", affine.Shift, shape)]);
        return x;
    }
}
