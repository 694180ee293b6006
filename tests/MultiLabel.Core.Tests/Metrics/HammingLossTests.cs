using MultiLabel.Metrics;

namespace MultiLabel.Tests.Metrics;

public class HammingLossTests
{
    [Fact]
    public void Is_the_fraction_of_wrong_decisions_and_is_minimised()
    {
        var metric = new HammingLoss(WorkedExample.LabelCount);

        WorkedExample.UpdateInBatches((p, t) => metric.Update(p, t));

        Assert.Equal(2.0 / 12, metric.Compute(), 12); // image 1 misses a, image 2 predicts a wrongly
        Assert.Equal("hamming_loss", metric.Name);
        Assert.Equal(MetricDirection.Minimize, metric.Direction);
    }

    [Fact]
    public void Is_one_minus_binary_accuracy()
    {
        float[] thresholds = [0.35f, 0.65f, 0.25f];
        var loss = new HammingLoss(thresholds);
        var accuracy = new BinaryAccuracy(thresholds);

        loss.Update(WorkedExample.Probabilities, WorkedExample.Targets);
        accuracy.Update(WorkedExample.Probabilities, WorkedExample.Targets);

        // a at 0.35: 0.9 TP, 0.4 TP, 0.8 FP, 0.1 TN; b at 0.65: 0.6 → FN; c at 0.25: 0.3 → FP → 3 of 12 wrong.
        Assert.Equal(3.0 / 12, loss.Compute(), 12);
        Assert.Equal(1 - accuracy.Compute(), loss.Compute(), 12);
    }
}
