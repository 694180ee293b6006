using static TorchSharp.torch;

namespace MultiLabel.Data.Transforms;

/// <summary>STUB replaced by the augment branch.</summary>
public sealed class AffineAugmenter(AugmentationOptions options)
{
    /// <summary>Stub.</summary>
    public AugmentationOptions Options => options;
    /// <summary>Stub.</summary>
    public Tensor Apply(Tensor batch, RandomSource random) => batch.alias();
}
