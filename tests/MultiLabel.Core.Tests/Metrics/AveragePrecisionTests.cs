using MultiLabel.Metrics;

namespace MultiLabel.Tests.Metrics;

public class AveragePrecisionTests
{
    [Fact]
    public void Matches_the_scikit_learn_documentation_example()
    {
        // average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.8333…
        // By rank: 0.8 (+) P 1 R 1/2; 0.4 (−); 0.35 (+) P 2/3 R 1 → 1/2·1 + 1/2·2/3 = 5/6.
        Assert.Equal(5.0 / 6, AveragePrecision.Compute([0.1f, 0.4f, 0.35f, 0.8f], [0, 0, 1, 1]), 12);
    }

    [Fact]
    public void Tied_scores_are_one_step_whatever_their_order()
    {
        // 0.8 (+, −) tie → P 1/2 at R 1/2; 0.4 (+) → P 2/3 at R 1; 0.2 (−) adds no recall.
        // AP = 1/2·1/2 + 1/2·2/3 = 7/12. Ranking the positive of the tie first would give 5/6.
        Assert.Equal(7.0 / 12, AveragePrecision.Compute([0.8f, 0.8f, 0.4f, 0.2f], [1, 0, 1, 0]), 12);
        Assert.Equal(7.0 / 12, AveragePrecision.Compute([0.8f, 0.8f, 0.4f, 0.2f], [0, 1, 1, 0]), 12);
    }

    [Fact]
    public void Precision_is_not_interpolated()
    {
        // By rank: 0.9 (−), 0.8 (+) P 1/2 R 1/2, 0.7 (+) P 2/3 R 1 → 1/2·1/2 + 1/2·2/3 = 7/12.
        // Interpolated AP would take the best precision at or beyond each recall: 1/2·2/3 + 1/2·2/3 = 2/3.
        Assert.Equal(7.0 / 12, AveragePrecision.Compute([0.9f, 0.8f, 0.7f], [0, 1, 1]), 12);
    }

    [Fact]
    public void Is_one_for_a_perfect_ranking_and_nan_without_positives()
    {
        Assert.Equal(1.0, AveragePrecision.Compute([0.9f, 0.8f, 0.2f], [1, 1, 0]), 12);
        Assert.True(double.IsNaN(AveragePrecision.Compute([0.9f, 0.2f], [0, 0])));
    }
}
