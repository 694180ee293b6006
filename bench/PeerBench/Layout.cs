using MultiLabel.Data;
using MultiLabel.Data.Transforms;
using static TorchSharp.torch;

namespace MultiLabel.Bench;

internal static class Layout
{
    public static Dictionary<string, object> Run(Arguments a)
    {
        using var x = rand(4, 3, 32, 32);
        using var y = new AffineAugmenter(AugmentationOptions.Original).Apply(x, new RandomSource(1));
        return new()
        {
            ["contiguous"] = y.is_contiguous().ToString(),
            ["strides"] = string.Join(",", y.stride()),
            ["dtype"] = y.dtype.ToString(),
            ["requires_grad"] = y.requires_grad.ToString(),

        };
    }
}
