using MultiLabel.Metrics;

namespace MultiLabel.Tests.Metrics;

public class BinaryAccuracyTests
{
    [Fact]
    public void Is_the_fraction_of_right_decisions_over_images_times_labels()
    {
        var metric = new BinaryAccuracy(WorkedExample.LabelCount);

        metric.Update(WorkedExample.Probabilities, WorkedExample.Targets);

        Assert.Equal(10.0 / 12, metric.Compute(), 12); // 2 wrong decisions of 12
        Assert.Equal("binary_accuracy", metric.Name);
        Assert.Equal(MetricDirection.Maximize, metric.Direction);
    }

    [Fact]
    public void Streaming_in_batches_equals_one_batch_and_reset_starts_over()
    {
        var metric = new BinaryAccuracy(WorkedExample.LabelCount);
        WorkedExample.UpdateInBatches((p, t) => metric.Update(p, t));

        Assert.Equal(10.0 / 12, metric.Compute(), 12);

        metric.Reset();
        Assert.True(double.IsNaN(metric.Compute()));
    }

    [Fact]
    public void Uses_the_threshold_of_each_label()
    {
        // Thresholds 0.95 for every label: nothing predicted, so the 5 positives are the only errors.
        var metric = new BinaryAccuracy([0.95f, 0.95f, 0.95f]);

        metric.Update(WorkedExample.Probabilities, WorkedExample.Targets);

        Assert.Equal(7.0 / 12, metric.Compute(), 12);
    }
}
