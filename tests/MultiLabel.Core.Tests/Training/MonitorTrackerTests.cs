using MultiLabel.Metrics;
using MultiLabel.Training;

namespace MultiLabel.Tests.Training;

public class MonitorTrackerTests
{
    [Fact]
    public void Lower_is_better_for_a_loss_and_nan_never_improves()
    {
        var tracker = new MonitorTracker(MetricDirection.Minimize);

        Assert.True(tracker.Observe(0.5));
        Assert.False(tracker.Observe(0.6));
        Assert.False(tracker.Observe(double.NaN));
        Assert.True(tracker.Observe(0.4));
        Assert.Equal(0.4, tracker.Best);
        Assert.Equal(0, tracker.SinceImprovement);
    }

    [Fact]
    public void Higher_is_better_for_accuracy_and_min_delta_is_respected()
    {
        var tracker = new MonitorTracker(MetricDirection.Maximize, minDelta: 0.01);

        Assert.True(tracker.Observe(0.90));
        Assert.False(tracker.Observe(0.905));
        Assert.True(tracker.Observe(0.92));
        Assert.Equal(0, tracker.SinceImprovement);
    }

    [Fact]
    public void Monitor_names_parse_with_or_without_the_val_prefix()
    {
        Assert.Equal(MonitorMetric.MeanAveragePrecision, MonitorMetrics.Parse("map"));
        Assert.Equal(MonitorMetric.ExactMatch, MonitorMetrics.Parse("val_exact_match"));
        Assert.Equal(MetricDirection.Minimize, MonitorMetric.Loss.Direction());
        Assert.Throws<ArgumentException>(() => MonitorMetrics.Parse("auc"));
    }
}
