using MultiLabel.Training;
using MultiLabel.Training.Callbacks;
using static MultiLabel.Tests.Training.Callbacks.CallbackTestContext;

namespace MultiLabel.Tests.Training.Callbacks;

public class ReduceLearningRateOnPlateauTests
{
    [Fact]
    public void Halves_the_rate_after_patience_epochs_without_improvement_then_waits_again()
    {
        var callback = new ReduceLearningRateOnPlateau(MonitorMetric.Loss, new PlateauOptions { Patience = 3 });
        var context = Create();
        callback.OnFitStart(context);
        var factors = new List<double>();

        double[] losses = [1.0, 0.9, 0.95, 0.92, 0.91, 0.93, 0.94, 0.96, 0.97];
        for (int e = 0; e < losses.Length; e++)
        {
            context.ClearRequests();
            callback.OnEpochEnd(context, Epoch(e + 1, losses[e]));
            factors.Add(context.PendingLearningRateFactor);
        }

        // Best 0.9 at epoch 2; epochs 3,4,5 do not improve → lower after epoch 5; again after epoch 8.
        Assert.Equal([1, 1, 1, 1, 0.5, 1, 1, 0.5, 1], factors);
    }

    [Fact]
    public void A_resumed_run_keeps_counting_from_its_history()
    {
        var callback = new ReduceLearningRateOnPlateau(MonitorMetric.Loss, new PlateauOptions { Patience = 3 });
        var context = Create([Epoch(1, 1.0), Epoch(2, 0.9), Epoch(3, 0.95), Epoch(4, 0.92)]);
        callback.OnFitStart(context);

        callback.OnEpochEnd(context, Epoch(5, 0.91));

        Assert.Equal(0.5, context.PendingLearningRateFactor);
    }
}
