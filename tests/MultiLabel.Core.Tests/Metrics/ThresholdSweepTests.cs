using MultiLabel.Metrics;

namespace MultiLabel.Tests.Metrics;

public class ThresholdSweepTests
{
    [Fact]
    public void Steps_down_the_distinct_scores_with_ties_as_one_step()
    {
        // By score: 0.8 (+, −) tie, 0.4 (+), 0.2 (−).
        var sweep = ThresholdSweep.Compute([0.8f, 0.8f, 0.4f, 0.2f], [1, 0, 1, 0]);

        Assert.Equal([0.8f, 0.4f, 0.2f], sweep.Thresholds);
        Assert.Equal([1L, 2, 2], sweep.TruePositives);
        Assert.Equal([1L, 1, 2], sweep.FalsePositives);
        Assert.Equal(2, sweep.Positives);
        Assert.Equal(2, sweep.Negatives);
    }

    [Fact]
    public void The_order_of_tied_images_does_not_matter()
    {
        var a = ThresholdSweep.Compute([0.5f, 0.5f, 0.5f, 0.1f], [1, 0, 0, 1]);
        var b = ThresholdSweep.Compute([0.5f, 0.5f, 0.5f, 0.1f], [0, 0, 1, 1]);

        Assert.Equal(a.TruePositives, b.TruePositives);
        Assert.Equal(a.FalsePositives, b.FalsePositives);
    }

    [Fact]
    public void Rejects_nan_scores_and_mismatched_lengths()
    {
        Assert.Throws<ArgumentException>(() => ThresholdSweep.Compute([0.5f, float.NaN], [1, 0]));
        Assert.Throws<ArgumentException>(() => ThresholdSweep.Compute([0.5f, 0.2f], [1]));
    }

    [Fact]
    public void An_empty_label_has_no_steps()
    {
        var sweep = ThresholdSweep.Compute([], []);

        Assert.Equal(0, sweep.Count);
        Assert.Equal(0, sweep.Positives);
    }
}
