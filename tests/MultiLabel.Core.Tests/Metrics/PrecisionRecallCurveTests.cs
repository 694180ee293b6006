using MultiLabel.Metrics;

namespace MultiLabel.Tests.Metrics;

public class PrecisionRecallCurveTests
{
    [Fact]
    public void Matches_the_scikit_learn_documentation_example()
    {
        // sklearn.metrics.precision_recall_curve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]):
        // precision [0.5, 0.667, 0.5, 1, 1], recall [1, 1, 0.5, 0.5, 0], thresholds [0.1, 0.35, 0.4, 0.8].
        var curve = PrecisionRecallCurve.Compute([0.1f, 0.4f, 0.35f, 0.8f], [0, 0, 1, 1]);

        Assert.Equal([0.5, 2.0 / 3, 0.5, 1, 1], curve.Precision);
        Assert.Equal([1.0, 1, 0.5, 0.5, 0], curve.Recall);
        Assert.Equal([0.1f, 0.35f, 0.4f, 0.8f], curve.Thresholds);
    }

    [Fact]
    public void Tied_scores_make_one_point()
    {
        // 0.8 (+, −) tie → P 1/2, R 1/2; 0.4 (+) → P 2/3, R 1; 0.2 (−) → P 2/4, R 1.
        var curve = PrecisionRecallCurve.Compute([0.8f, 0.8f, 0.4f, 0.2f], [1, 0, 1, 0]);

        Assert.Equal([0.5, 2.0 / 3, 0.5, 1], curve.Precision);
        Assert.Equal([1.0, 1, 0.5, 0], curve.Recall);
        Assert.Equal([0.2f, 0.4f, 0.8f], curve.Thresholds);
    }

    [Fact]
    public void Without_positives_recall_is_one_as_in_scikit_learn()
    {
        var curve = PrecisionRecallCurve.Compute([0.3f, 0.6f], [0, 0]);

        Assert.Equal([0.0, 0, 1], curve.Precision);
        Assert.Equal([1.0, 1, 0], curve.Recall);
    }
}
