using MultiLabel.Training;
using MultiLabel.Training.Callbacks;
using static MultiLabel.Tests.Training.Callbacks.CallbackTestContext;

namespace MultiLabel.Tests.Training.Callbacks;

public class EarlyStoppingTests
{
    [Fact]
    public void Requests_a_stop_after_patience_epochs_without_improvement()
    {
        var callback = new EarlyStopping(MonitorMetric.Loss, patience: 2);
        var context = Create();
        callback.OnFitStart(context);

        callback.OnEpochEnd(context, Epoch(1, 0.5));
        callback.OnEpochEnd(context, Epoch(2, 0.6));
        Assert.Null(context.StopRequest);
        callback.OnEpochEnd(context, Epoch(3, 0.7));

        Assert.Contains("val_loss did not improve for 2 epochs", context.StopRequest);
    }
}
