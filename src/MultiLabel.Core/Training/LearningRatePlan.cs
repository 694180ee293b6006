namespace MultiLabel.Training;

/// <summary>The learning rate of one parameter group at each step, from the schedule and the peak rate.</summary>
public sealed class LearningRatePlan(LearningRateSchedule schedule, int totalSteps)
{
    /// <summary>One-cycle warm-up share of the steps.</summary>
    public const double WarmupFraction = 0.3;

    /// <summary>The one cycle starts at peak / this.</summary>
    public const double StartDivisor = 25;

    /// <summary>The one cycle ends at start / this.</summary>
    public const double FinalDivisor = 1e4;

    /// <summary>The rate at 0-based global <paramref name="step"/> for a group whose peak rate is <paramref name="peak"/>.</summary>
    public double At(int step, double peak)
    {
        if (schedule == LearningRateSchedule.Constant) return peak;
        double start = peak / StartDivisor, end = start / FinalDivisor;
        double warmupSteps = Math.Max(1, WarmupFraction * totalSteps - 1);
        if (step <= warmupSteps) return Cosine(start, peak, step / warmupSteps);
        double rest = Math.Max(1, totalSteps - 1 - warmupSteps);
        return Cosine(peak, end, Math.Min(1, (step - warmupSteps) / rest));
    }

    private static double Cosine(double from, double to, double progress) =>
        to + (from - to) * (1 + Math.Cos(Math.PI * progress)) / 2;
}
