using MultiLabel.Metrics;

namespace MultiLabel.Tests.Metrics;

public class F1ScoreTests
{
    [Theory]
    [InlineData(Averaging.Micro, "micro_f1", 0.8)]         // TP 4, FP 1, FN 1 → 8/10
    [InlineData(Averaging.Macro, "macro_f1", 5.0 / 6)]     // (1/2 + 1 + 1)/3
    [InlineData(Averaging.Weighted, "weighted_f1", 0.8)]   // (1/2·2 + 1·2 + 1·1)/5
    public void Averages_the_worked_example(Averaging averaging, string name, double expected)
    {
        var metric = new F1Score(averaging, WorkedExample.LabelCount);

        WorkedExample.UpdateInBatches((p, t) => metric.Update(p, t));

        Assert.Equal(expected, metric.Compute(), 12);
        Assert.Equal(name, metric.Name);
        Assert.Equal(MetricDirection.Maximize, metric.Direction);
    }

    // Two images, three labels:
    //            probabilities     targets    outcome
    //   image 0  0.9  0.1  0.7     1  0  0    TP  TN  FP
    //   image 1  0.2  0.2  0.1     0  0  0    TN  TN  TN
    // label 0: F1 1; label 1: never present nor predicted → undefined, left out;
    // label 2: no positives but one false positive → F1 0, counted.
    private static readonly float[] Probabilities = [0.9f, 0.1f, 0.7f, 0.2f, 0.2f, 0.1f];
    private static readonly float[] Targets = [1, 0, 0, 0, 0, 0];

    [Fact]
    public void Macro_leaves_out_labels_with_undefined_f1_but_counts_false_alarms_as_zero()
    {
        var metric = new F1Score(Averaging.Macro, 3);

        metric.Update(Probabilities, Targets);

        Assert.Equal(0.5, metric.Compute(), 12); // (1 + 0)/2, not (1 + 0 + 0)/3
    }

    [Fact]
    public void Micro_pools_and_weighted_ignores_labels_without_support()
    {
        var micro = new F1Score(Averaging.Micro, 3);
        var weighted = new F1Score(Averaging.Weighted, 3);

        micro.Update(Probabilities, Targets);
        weighted.Update(Probabilities, Targets);

        Assert.Equal(2.0 / 3, micro.Compute(), 12);  // TP 1, FP 1, FN 0 → 2/3
        Assert.Equal(1.0, weighted.Compute(), 12);   // only label 0 has support
    }

    [Theory]
    [InlineData(Averaging.Micro)]
    [InlineData(Averaging.Macro)]
    [InlineData(Averaging.Weighted)]
    public void Is_nan_when_every_label_is_left_out(Averaging averaging)
    {
        var metric = new F1Score(averaging, 2);

        metric.Update([0.1f, 0.2f, 0.3f, 0.4f], [0, 0, 0, 0]);

        Assert.True(double.IsNaN(metric.Compute()));
    }

    [Fact]
    public void Per_label_thresholds_change_the_decisions()
    {
        // Label a at 0.85: image 2 (0.8) is no longer a false positive, image 0 (0.9) still a hit,
        // image 1 (0.4) still missed → a: TP 1, FP 0, FN 1 → F1 2/3. Macro = (2/3 + 1 + 1)/3 = 8/9.
        var metric = new F1Score(Averaging.Macro, [0.85f, 0.5f, 0.5f]);

        metric.Update(WorkedExample.Probabilities, WorkedExample.Targets);

        Assert.Equal(8.0 / 9, metric.Compute(), 12);
    }
}
