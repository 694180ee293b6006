using MultiLabel.Training.Losses;

namespace MultiLabel.Tests.Training.Losses;

public class PositiveWeightsTests
{
    [Fact]
    public void Each_label_weighs_its_negatives_over_positives_between_1_and_the_cap()
    {
        // 30 images, 3 labels: 6 positives, 1 positive, 20 positives; a fourth label never present.
        var targets = new float[30 * 4];
        for (int i = 0; i < 30; i++)
        {
            if (i < 6) targets[i * 4] = 1;
            if (i == 0) targets[i * 4 + 1] = 1;
            if (i < 20) targets[i * 4 + 2] = 1;
        }

        var weights = PositiveWeights.FromTargets(targets, 4);

        Assert.Equal(4f, weights[0]);                 // 24 / 6
        Assert.Equal(PositiveWeights.Cap, weights[1]); // 29 / 1, capped
        Assert.Equal(1f, weights[2]);                 // 10 / 20: a common label is never weighed down
        Assert.Equal(1f, weights[3]);                 // no positives
    }
}
