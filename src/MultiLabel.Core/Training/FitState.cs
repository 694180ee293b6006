using MultiLabel.Data;

namespace MultiLabel.Training;

/// <summary>
/// Where a fit is: the epoch and step, the epoch's image order, the run's random stream, and the sums of the epoch
/// in progress. It is everything <see cref="Learner.Fit"/> changes while it loops, in one object, so a checkpoint
/// can capture it and a resumed run restore it exactly.
/// </summary>
internal sealed class FitState(int seed)
{
    /// <summary>The 1-based epoch in progress.</summary>
    public int Epoch { get; private set; } = 1;

    /// <summary>Steps of <see cref="Epoch"/> already done.</summary>
    public int Step { get; set; }

    /// <summary>The order of training images in <see cref="Epoch"/>.</summary>
    public int[] Order { get; private set; } = [];

    /// <summary>The run's own random stream: shuffles and augmentation.</summary>
    public RandomSource Random { get; } = new(seed);

    /// <summary>Sum of batch losses × batch sizes in the epoch.</summary>
    public double LossSum { get; private set; }

    /// <summary>Correct label decisions in the epoch.</summary>
    public long Correct { get; private set; }

    /// <summary>Images trained on in the epoch.</summary>
    public long Seen { get; private set; }

    /// <summary>Seconds spent in training steps in the epoch.</summary>
    public double Seconds { get; private set; }

    /// <summary>Training images per second so far in the epoch.</summary>
    public double Rate => Seen / Math.Max(Seconds, 1e-9);

    /// <summary>Starts <see cref="Epoch"/> afresh (new shuffle, zero sums) unless it is a resumed epoch part-way through.</summary>
    public void BeginEpoch(int images)
    {
        if (Step != 0) return;
        Order = Enumerable.Range(0, images).ToArray();
        Random.Shuffle(Order.AsSpan());
        (LossSum, Correct, Seen, Seconds) = (0, 0, 0, 0);
    }

    /// <summary>Adds one finished step of <paramref name="images"/> images.</summary>
    public void AddStep(double loss, long correct, int images, double seconds)
    {
        LossSum += loss * images;
        Correct += correct;
        Seen += images;
        Seconds += seconds;
        Step++;
    }

    /// <summary>Moves to the next epoch.</summary>
    public void NextEpoch()
    {
        Epoch++;
        Step = 0;
    }

    /// <summary>Continues from <paramref name="snapshot"/>.</summary>
    public void Restore(TrainingSnapshot snapshot)
    {
        Random.State = snapshot.RandomState;
        (Epoch, Step, Order) = (snapshot.Epoch, snapshot.Step, snapshot.EpochOrder);
        (LossSum, Correct, Seen, Seconds) = (snapshot.PartialLossSum, snapshot.PartialCorrect, snapshot.PartialImages, snapshot.PartialSeconds);
    }

    /// <summary>
    /// The position part of a snapshot: when <paramref name="epochDone"/> (the epoch's validation is recorded), the
    /// next epoch from its start, else this epoch at <see cref="Step"/> with its sums.
    /// </summary>
    public (int Epoch, int Step, int[] Order, double LossSum, long Correct, long Seen, double Seconds) Position(bool epochDone) =>
        epochDone ? (Epoch + 1, 0, [], 0, 0, 0, 0) : (Epoch, Step, Order, LossSum, Correct, Seen, Seconds);
}
