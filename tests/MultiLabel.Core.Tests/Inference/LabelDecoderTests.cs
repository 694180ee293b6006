using MultiLabel.Inference;
using MultiLabel.Models;
using MultiLabel.Persistence;

namespace MultiLabel.Tests.Inference;

public class LabelDecoderTests
{
    private static readonly LabelDecoder Decoder = new(["black", "dress", "red", "shoes"], [0.5f, 0.3f, 0.5f, 0.9f]);

    [Fact]
    public void Gives_each_label_whose_score_reaches_its_own_threshold_highest_score_first()
    {
        Assert.Equal(["dress", "black"], Decoder.Decode([0.6f, 0.9f, 0.2f, 0.85f]));
        Assert.Equal(["red"], Decoder.Decode([0.1f, 0.1f, 0.5f, 0.1f]));
    }

    [Fact]
    public void Equal_scores_keep_output_order_and_top_k_cuts_after_ordering()
    {
        Assert.Equal(["black", "red", "dress"], Decoder.Decode([0.7f, 0.4f, 0.7f, 0f]));
        Assert.Equal(["black", "red"], Decoder.Decode([0.7f, 0.4f, 0.7f, 0f], topK: 2));
    }

    [Fact]
    public void A_score_that_is_not_a_number_never_gives_its_label()
    {
        Assert.Equal(["dress"], Decoder.Decode([float.NaN, 0.4f, float.NaN, float.NaN]));
    }

    [Fact]
    public void An_override_replaces_every_threshold_of_the_model()
    {
        var manifest = BundleManifest.For("smallervggnet", 32, ["a", "b"], thresholds: [0.9f, 0.1f]);

        Assert.Equal([0.9f, 0.1f], LabelDecoder.For(manifest).Thresholds);
        Assert.Equal([0.4f, 0.4f], LabelDecoder.For(manifest, 0.4f).Thresholds);
        Assert.Equal(["b"], LabelDecoder.For(manifest).Decode([0.5f, 0.5f]));
        Assert.Equal(["a", "b"], LabelDecoder.For(manifest, 0.4f).Decode([0.5f, 0.5f]));
        Assert.True(Normalization.UnitRange.SameAs(manifest.Normalization));
    }
}
