using MultiLabel.Training;
using MultiLabel.Training.Callbacks;

namespace MultiLabel.Tests.Training.Callbacks;

internal static class CallbackTestContext
{
    public static FitContext Create(IEnumerable<EpochRecord>? finished = null) =>
        new(TrainingOptions.Default, new History(finished), 10, 100, 20,
            _ => throw new InvalidOperationException("no snapshot in this test"), _ => { }, _ => { });

    public static EpochRecord Epoch(int epoch, double valLoss) =>
        new(epoch, [new("epoch", epoch), new("val_loss", valLoss)]);
}
