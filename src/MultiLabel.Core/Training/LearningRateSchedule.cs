namespace MultiLabel.Training;

/// <summary>How the learning rate moves during a run.</summary>
public enum LearningRateSchedule
{
    /// <summary>Constant, lowered only by <see cref="PlateauOptions"/> when set.</summary>
    Constant,
    /// <summary>One cycle per run: warm up over the first 30% of steps to the peak rate, then cosine down (Smith 2018).</summary>
    OneCycle,
}
