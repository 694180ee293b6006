using MultiLabel.Metrics;

namespace MultiLabel.Tests.Metrics;

public class MeanAveragePrecisionTests
{
    [Fact]
    public void Matches_the_scikit_learn_multiclass_documentation_example()
    {
        // average_precision_score([0, 0, 1, 1, 2, 2], scores) = 0.77…, one-vs-rest per class:
        // class 0: 0.7 (+), then 0.4 tie (+, −) → 1/2·1 + 1/2·2/3 = 5/6
        // class 1: 0.8 (+), 0.4 (−), 0.3 tie (+, −) → 1/2·1 + 1/2·2/4 = 3/4
        // class 2: 0.7 (+), 0.5 (−), 0.3 (−), 0.2 (+) → 1/2·1 + 1/2·2/4 = 3/4      mean = 7/9
        float[] scores =
        [
            0.7f, 0.2f, 0.1f,
            0.4f, 0.3f, 0.3f,
            0.1f, 0.8f, 0.1f,
            0.2f, 0.3f, 0.5f,
            0.4f, 0.4f, 0.2f,
            0.1f, 0.2f, 0.7f,
        ];
        float[] oneHot = [1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1];
        var metric = new MeanAveragePrecision(3);

        metric.Update(scores, oneHot);

        Assert.Equal(7.0 / 9, metric.Compute(), 12);
        Assert.Equal("mean_average_precision", metric.Name);
        Assert.Equal(MetricDirection.Maximize, metric.Direction);
    }

    [Fact]
    public void Streaming_in_batches_equals_the_worked_example()
    {
        var metric = new MeanAveragePrecision(WorkedExample.LabelCount);

        WorkedExample.UpdateInBatches((p, t) => metric.Update(p, t));

        Assert.Equal(17.0 / 18, metric.Compute(), 12);
    }

    [Fact]
    public void Labels_without_positives_are_left_out_and_none_left_is_nan()
    {
        // Label 0: 0.9 (+), 0.3 (−) → AP 1. Label 1 has no positives → left out, so the mean is 1, not 1/2.
        var metric = new MeanAveragePrecision(2);
        metric.Update([0.9f, 0.4f, 0.3f, 0.8f], [1, 0, 0, 0]);

        Assert.Equal(1.0, metric.Compute(), 12);

        metric.Reset();
        metric.Update([0.9f, 0.4f], [0, 0]);
        Assert.True(double.IsNaN(metric.Compute()));
    }
}
