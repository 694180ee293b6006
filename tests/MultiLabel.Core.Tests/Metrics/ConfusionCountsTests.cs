using MultiLabel.Metrics;

namespace MultiLabel.Tests.Metrics;

public class ConfusionCountsTests
{
    [Fact]
    public void Counts_each_label_of_the_worked_example()
    {
        var counts = new ConfusionCounts(WorkedExample.LabelCount);

        counts.Update(WorkedExample.Probabilities, WorkedExample.Targets);

        Assert.Equal(4, counts.ImageCount);
        Assert.Equal(2, counts.ExactMatches);
        Assert.Equal([1L, 2, 1], Enumerable.Range(0, 3).Select(counts.TruePositives));
        Assert.Equal([1L, 0, 0], Enumerable.Range(0, 3).Select(counts.FalsePositives));
        Assert.Equal([1L, 0, 0], Enumerable.Range(0, 3).Select(counts.FalseNegatives));
        Assert.Equal([1L, 2, 3], Enumerable.Range(0, 3).Select(counts.TrueNegatives));
        Assert.Equal([2L, 2, 1], Enumerable.Range(0, 3).Select(counts.Support));
        Assert.Equal(0.5, counts.Precision(0));
        Assert.Equal(0.5, counts.Recall(0));
        Assert.Equal(0.5, counts.F1(0));
    }

    [Fact]
    public void Each_label_is_decided_at_its_own_threshold()
    {
        // Label b at 0.65: image 3 (0.6, target 1) becomes a false negative; image 1 (0.7) stays a hit.
        var counts = new ConfusionCounts([0.5f, 0.65f, 0.5f]);

        counts.Update(WorkedExample.Probabilities, WorkedExample.Targets);

        Assert.Equal(1, counts.TruePositives(1));
        Assert.Equal(1, counts.FalseNegatives(1));
        Assert.Equal(1, counts.ExactMatches); // only image 0 is still all right
    }

    [Fact]
    public void A_probability_equal_to_the_threshold_is_a_prediction()
    {
        var counts = new ConfusionCounts(1, threshold: 0.3f);

        counts.Update([0.3f], [1f]);

        Assert.Equal(1, counts.TruePositives(0));
    }

    [Fact]
    public void Precision_and_recall_are_zero_when_undefined_and_f1_is_nan_when_nothing_happened()
    {
        // Label 0: never predicted, one positive → precision 0/0 := 0, recall 0, F1 0.
        // Label 1: no positives, predicted once → recall 0/0 := 0, F1 0.
        // Label 2: neither present nor predicted → F1 undefined.
        var counts = new ConfusionCounts(3);

        counts.Update([0.1f, 0.9f, 0.1f], [1f, 0f, 0f]);

        Assert.Equal(0, counts.Precision(0));
        Assert.Equal(0, counts.F1(0));
        Assert.Equal(0, counts.Recall(1));
        Assert.Equal(0, counts.F1(1));
        Assert.True(double.IsNaN(counts.F1(2)));
    }

    [Fact]
    public void Batches_add_up_and_reset_forgets_them()
    {
        var streamed = new ConfusionCounts(WorkedExample.LabelCount);
        WorkedExample.UpdateInBatches((p, t) => streamed.Update(p, t));
        var whole = new ConfusionCounts(WorkedExample.LabelCount);
        whole.Update(WorkedExample.Probabilities, WorkedExample.Targets);

        Assert.Equal(whole.ImageCount, streamed.ImageCount);
        Assert.Equal(whole.ExactMatches, streamed.ExactMatches);
        for (int l = 0; l < 3; l++)
        {
            Assert.Equal(whole.TruePositives(l), streamed.TruePositives(l));
            Assert.Equal(whole.FalsePositives(l), streamed.FalsePositives(l));
            Assert.Equal(whole.FalseNegatives(l), streamed.FalseNegatives(l));
        }

        streamed.Reset();
        Assert.Equal(0, streamed.ImageCount);
        Assert.Equal(0, streamed.TotalTruePositives);
    }

    [Fact]
    public void Batches_that_are_not_whole_rows_are_rejected()
    {
        var counts = new ConfusionCounts(3);

        Assert.Throws<ArgumentException>(() => counts.Update(new float[4], new float[4]));
        Assert.Throws<ArgumentException>(() => counts.Update(new float[3], new float[6]));
        Assert.Throws<ArgumentException>(() => new ConfusionCounts([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConfusionCounts(0));
    }
}
