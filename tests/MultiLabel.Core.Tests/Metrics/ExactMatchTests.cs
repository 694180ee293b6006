using MultiLabel.Metrics;

namespace MultiLabel.Tests.Metrics;

public class ExactMatchTests
{
    [Fact]
    public void Is_the_fraction_of_images_with_every_label_right()
    {
        var metric = new ExactMatch(WorkedExample.LabelCount);

        WorkedExample.UpdateInBatches((p, t) => metric.Update(p, t));

        Assert.Equal(0.5, metric.Compute(), 12); // images 0 and 3 of 4
        Assert.Equal("exact_match", metric.Name);
        Assert.Equal(MetricDirection.Maximize, metric.Direction);
    }

    [Fact]
    public void An_image_without_labels_is_right_when_nothing_is_predicted()
    {
        var metric = new ExactMatch(2, threshold: 0.5f);

        // Image 0: no labels, nothing predicted → right. Image 1: no labels, one predicted → wrong.
        metric.Update([0.1f, 0.2f, 0.1f, 0.7f], [0f, 0f, 0f, 0f]);

        Assert.Equal(0.5, metric.Compute(), 12);
    }

    [Fact]
    public void Is_nan_before_any_image()
    {
        Assert.True(double.IsNaN(new ExactMatch(3).Compute()));
    }
}
