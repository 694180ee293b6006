namespace MultiLabel.Onnx.Export;

/// <summary>
/// Removes batch norms (<see cref="ChannelAffineStep"/>) from a step list by folding them into the weights of a
/// neighbouring convolution or linear layer wherever that gives the same function, and moves the rest to where
/// they cost least. The rules, tried in order for each batch norm:
/// <list type="number">
/// <item>Right after a convolution or linear layer (ResNet, its shortcuts): scale that layer's output channels,
/// <c>W'[o] = W[o]·s[o]</c>, <c>b'[o] = b[o]·s[o] + t[o]</c>.</item>
/// <item>Forward into the next linear layer, or the next unpadded convolution, through anything that commutes
/// with it (dropout; max pooling when every scale is positive; a flatten right before the linear layer):
/// <c>W'[·,i] = W[·,i]·s[i]</c>, <c>b' = b + W·t</c>. Into a padded convolution only the scale could go, because
/// the zeros it pads with would stop being the normalised zeros, so padded convolutions are not used.</item>
/// <item>After Conv → ReLU with every scale positive (SmallerVGGNet): <c>relu(z)·s = relu(z·s)</c>, so the scale
/// goes into the convolution and only <c>+t</c> is left; that shift then goes forward as in rule 2, else it is
/// moved past any max pooling (a per-channel shift always commutes with max) and stays as one Add.</item>
/// <item>Otherwise (a negative or zero scale after a ReLU) it stays as Mul and Add per channel, moved past dropout.</item>
/// </list>
/// Each rule is exact in real arithmetic; in floats the result differs by rounding only.
/// </summary>
internal static class BatchNormFolding
{
    public static List<ExportStep> Fold(IReadOnlyList<ExportStep> steps)
    {
        var list = steps.Select(s => s is ResidualStep r ? r with { Main = Fold(r.Main), Shortcut = Fold(r.Shortcut) } : s).ToList();
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] is not ChannelAffineStep affine) continue;
            if (i > 0 && IntoOutputs(list[i - 1], affine) is { } producer)
            {
                list[i - 1] = producer;
                list.RemoveAt(i--);
                continue;
            }
            if (TryFoldForward(list, i, affine))
            {
                list.RemoveAt(i--);
                continue;
            }
            if (affine.Scale is not null && affine.CommutesWithMax && i >= 2 && list[i - 1] is ReluStep
                && IntoOutputs(list[i - 2], affine with { Shift = new float[affine.Channels] }) is { } scaled)
            {
                list[i - 2] = scaled;
                list[i] = affine = affine with { Scale = null };
                if (TryFoldForward(list, i, affine))
                {
                    list.RemoveAt(i--);
                    continue;
                }
            }
            int target = Scan(list, i, affine, throughFlatten: false).Stop;
            if (target > i + 1)
            {
                list.RemoveAt(i);
                list.Insert(target - 1, affine);
                i = target - 1;
            }
        }
        return list.Where(s => s is not IdentityStep).ToList();
    }

    /// <summary>Folds into the output channels of a convolution or linear layer; null when <paramref name="producer"/> is neither.</summary>
    private static ExportStep? IntoOutputs(ExportStep producer, ChannelAffineStep affine)
    {
        switch (producer)
        {
            case ConvStep conv when affine.Spatial && conv.OutChannels == affine.Channels:
                var (weight, bias) = ScaleRows(conv.Weight, conv.Bias, conv.OutChannels, affine);
                return conv with { Weight = weight, Bias = bias };
            case GemmStep gemm when !affine.Spatial && gemm.OutFeatures == affine.Channels:
                var (w, b) = ScaleRows(gemm.Weight, gemm.Bias, gemm.OutFeatures, affine);
                return gemm with { Weight = w, Bias = b };
            default:
                return null;
        }
    }

    private static (float[] Weight, float[] Bias) ScaleRows(float[] weight, float[]? bias, int rows, ChannelAffineStep affine)
    {
        int perRow = weight.Length / rows;
        var w = new float[weight.Length];
        var b = new float[rows];
        for (int o = 0; o < rows; o++)
        {
            double s = affine.Scale?[o] ?? 1.0;
            for (int k = 0; k < perRow; k++) w[o * perRow + k] = (float)(weight[o * perRow + k] * s);
            b[o] = (float)((bias?[o] ?? 0.0) * s + affine.Shift[o]);
        }
        return (w, b);
    }

    /// <summary>Folds the batch norm at <paramref name="index"/> into the input side of the layer it reaches unchanged, if any.</summary>
    private static bool TryFoldForward(List<ExportStep> list, int index, ChannelAffineStep affine)
    {
        var (stop, flattened) = Scan(list, index, affine, throughFlatten: true);
        if (stop >= list.Count) return false;
        switch (list[stop])
        {
            case GemmStep gemm when (flattened || !affine.Spatial) && gemm.InFeatures % affine.Channels == 0:
                var (weight, bias) = IntoInputs(gemm.Weight, gemm.Bias, gemm.OutFeatures, gemm.InFeatures, gemm.InFeatures / affine.Channels, affine);
                list[stop] = gemm with { Weight = weight, Bias = bias };
                return true;
            case ConvStep conv when affine.Spatial && !conv.Padded && conv.Groups == 1 && conv.InChannels == affine.Channels:
                int window = (int)(conv.Kernel[0] * conv.Kernel[1]);
                var (w, b) = IntoInputs(conv.Weight, conv.Bias, conv.OutChannels, conv.InChannels * window, window, affine);
                list[stop] = conv with { Weight = w, Bias = b };
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// <c>W'[o,i] = W[o,i]·s[i/group]</c> and <c>b'[o] = b[o] + Σᵢ W[o,i]·t[i/group]</c>, where each input channel
    /// covers <paramref name="group"/> consecutive inputs of a row (its kernel window, or its flattened positions).
    /// </summary>
    private static (float[] Weight, float[] Bias) IntoInputs(float[] weight, float[]? bias, int rows, int columns, int group,
        ChannelAffineStep affine)
    {
        var w = new float[weight.Length];
        var newBias = new float[rows];
        for (int o = 0; o < rows; o++)
        {
            double sum = bias?[o] ?? 0.0;
            for (int i = 0; i < columns; i++)
            {
                int c = i / group;
                float original = weight[o * columns + i];
                w[o * columns + i] = (float)(original * (affine.Scale?[c] ?? 1.0));
                sum += (double)original * affine.Shift[c];
            }
            newBias[o] = (float)sum;
        }
        return (w, newBias);
    }

    /// <summary>
    /// Walks forward from the batch norm at <paramref name="index"/> past the steps it commutes with; returns where it
    /// stops and whether it passed a flatten (only allowed, with <paramref name="throughFlatten"/>, right before a linear layer).
    /// </summary>
    private static (int Stop, bool Flattened) Scan(List<ExportStep> list, int index, ChannelAffineStep affine, bool throughFlatten)
    {
        bool flattened = false;
        int j = index + 1;
        while (j < list.Count)
        {
            if (list[j] is IdentityStep || (list[j] is MaxPoolStep && affine.CommutesWithMax)) { j++; continue; }
            if (list[j] is FlattenStep && throughFlatten && affine.Spatial && !flattened && NextReal(list, j + 1) is { } k && list[k] is GemmStep)
            {
                flattened = true;
                j++;
                continue;
            }
            break;
        }
        return (j, flattened);
    }

    private static int? NextReal(List<ExportStep> list, int from)
    {
        for (int k = from; k < list.Count; k++)
            if (list[k] is not IdentityStep) return k;
        return null;
    }
}
