using MultiLabel.Metrics;

namespace MultiLabel.Tests.Metrics;

public class MultiLabelEvaluatorTests
{
    [Fact]
    public void Computes_every_summary_metric_of_the_worked_example_in_one_pass()
    {
        var evaluator = new MultiLabelEvaluator(WorkedExample.Labels);

        WorkedExample.UpdateInBatches((p, t) => evaluator.Update(p, t));
        var result = evaluator.Compute();

        Assert.Equal(4, result.ImageCount);
        Assert.Equal(10.0 / 12, result.BinaryAccuracy, 12);
        Assert.Equal(0.5, result.ExactMatch, 12);
        Assert.Equal(2.0 / 12, result.HammingLoss, 12);
        Assert.Equal(0.8, result.MicroF1, 12);
        Assert.Equal(5.0 / 6, result.MacroF1, 12);
        Assert.Equal(17.0 / 18, result.MeanAveragePrecision, 12);
    }

    [Fact]
    public void Reports_each_label()
    {
        var evaluator = new MultiLabelEvaluator(WorkedExample.Labels, [0.5f, 0.5f, 0.5f]);
        evaluator.Update(WorkedExample.Probabilities, WorkedExample.Targets);

        var a = evaluator.Compute().PerLabel[0];

        // Threshold 0.5, precision 1/2, recall 1/2, F1 1/2, support 2, TP 1, FP 1, FN 1; AP 5/6 (rounding aside).
        Assert.Equal(new LabelResult("a", 0.5f, 0.5, 0.5, 0.5, 0, 2, 1, 1, 1), a with { AveragePrecision = 0 });
        Assert.Equal(5.0 / 6, a.AveragePrecision, 12);
        Assert.Equal(["a", "b", "c"], evaluator.Compute().PerLabel.Select(l => l.Label));
    }

    [Fact]
    public void A_label_without_positives_has_no_average_precision_and_leaves_the_means()
    {
        // Label "none" is never present and never predicted: AP NaN, F1 NaN, precision and recall 0.
        // Label "a": 0.9 (+) TP, 0.2 (−) TN → F1 1, AP 1; so macro F1 and mean AP are 1, not 1/2.
        var evaluator = new MultiLabelEvaluator(["a", "none"]);
        evaluator.Update([0.9f, 0.1f, 0.2f, 0.3f], [1, 0, 0, 0]);

        var result = evaluator.Compute();
        var none = result.PerLabel[1];

        Assert.True(double.IsNaN(none.AveragePrecision));
        Assert.True(double.IsNaN(none.F1));
        Assert.Equal(0, none.Precision);
        Assert.Equal(0, none.Recall);
        Assert.Equal(0, none.Support);
        Assert.Equal(1.0, result.MacroF1, 12);
        Assert.Equal(1.0, result.MeanAveragePrecision, 12);
    }

    [Fact]
    public void Finds_the_label_pairs_it_confuses_most()
    {
        // labels: black, blue, dress            missed      wrongly predicted   pairs
        //   image 0: carries black, predicts blue         black       blue                (black, blue)
        //   image 1: carries black, predicts blue         black       blue                (black, blue)
        //   image 2: carries blue+dress, predicts black+dress  blue   black               (blue, black)
        //   image 3: carries dress, predicts all three    —           black, blue         none (nothing missed)
        //   image 4: carries black+dress, predicts blue   black, dress blue               (black, blue), (dress, blue)
        var evaluator = new MultiLabelEvaluator(["black", "blue", "dress"]);
        evaluator.Update(
            [0.1f, 0.9f, 0.1f, 0.2f, 0.8f, 0.3f, 0.7f, 0.2f, 0.9f, 0.6f, 0.6f, 0.9f, 0.4f, 0.6f, 0.1f],
            [1, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 1]);

        var pairs = evaluator.MostConfusedPairs(top: 2);

        Assert.Equal([new ConfusedPair("black", "blue", 3), new ConfusedPair("blue", "black", 1)], pairs);
        Assert.Equal(3, evaluator.MostConfusedPairs().Count);
        Assert.Equal(new ConfusedPair("dress", "blue", 1), evaluator.MostConfusedPairs()[2]);
    }

    [Fact]
    public void Gives_the_precision_recall_curve_of_a_label()
    {
        var evaluator = new MultiLabelEvaluator(WorkedExample.Labels);
        evaluator.Update(WorkedExample.Probabilities, WorkedExample.Targets);

        // Label a, ascending: 0.1 → P 2/4 R 1; 0.4 → P 2/3 R 1; 0.8 → P 1/2 R 1/2; 0.9 → P 1 R 1/2; then (1, 0).
        var curve = evaluator.PrecisionRecall(0);

        Assert.Equal([0.1f, 0.4f, 0.8f, 0.9f], curve.Thresholds);
        Assert.Equal([0.5, 2.0 / 3, 0.5, 1, 1], curve.Precision);
        Assert.Equal([1.0, 1, 0.5, 0.5, 0], curve.Recall);
    }

    [Fact]
    public void Reset_forgets_and_mismatched_thresholds_are_rejected()
    {
        var evaluator = new MultiLabelEvaluator(WorkedExample.Labels);
        evaluator.Update(WorkedExample.Probabilities, WorkedExample.Targets);

        evaluator.Reset();
        var result = evaluator.Compute();

        Assert.Equal(0, result.ImageCount);
        Assert.True(double.IsNaN(result.BinaryAccuracy));
        Assert.True(double.IsNaN(result.MeanAveragePrecision));
        Assert.Empty(evaluator.MostConfusedPairs());
        Assert.Throws<ArgumentException>(() => new MultiLabelEvaluator(["a", "b"], [0.5f]));
    }
}
