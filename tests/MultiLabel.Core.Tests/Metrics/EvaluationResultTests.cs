using MultiLabel.Metrics;

namespace MultiLabel.Tests.Metrics;

public class EvaluationResultTests
{
    [Fact]
    public void Summary_metrics_are_keyed_by_metric_name()
    {
        var result = new EvaluationResult(10, 0.9, 0.6, 0.1, 0.8, 0.7, 0.75, []);

        var summary = result.SummaryMetrics();

        Assert.Equal(
            ["binary_accuracy", "exact_match", "hamming_loss", "micro_f1", "macro_f1", "mean_average_precision"],
            summary.Keys);
        Assert.Equal([0.9, 0.6, 0.1, 0.8, 0.7, 0.75], summary.Values);
    }

    [Fact]
    public void Summary_names_match_the_streaming_metrics()
    {
        var evaluator = new MultiLabelEvaluator(WorkedExample.Labels);
        evaluator.Update(WorkedExample.Probabilities, WorkedExample.Targets);
        var summary = evaluator.Compute().SummaryMetrics();
        IMetric[] metrics =
        [
            new BinaryAccuracy(3), new ExactMatch(3), new HammingLoss(3),
            new F1Score(Averaging.Micro, 3), new F1Score(Averaging.Macro, 3), new MeanAveragePrecision(3),
        ];

        foreach (var metric in metrics)
        {
            metric.Update(WorkedExample.Probabilities, WorkedExample.Targets);
            Assert.Equal(metric.Compute(), summary[metric.Name], 12);
        }
    }
}
