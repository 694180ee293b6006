namespace MultiLabel.Training.Losses;

/// <summary>Per-label weights of positive targets for <see cref="PositiveWeighting.Auto"/>.</summary>
public static class PositiveWeights
{
    /// <summary>
    /// The largest weight a label gets. A label on 5 of 4,000 images would otherwise weigh each positive
    /// ~800 times, and a few images would pull the whole network; 10 is the weight at which a label on
    /// 1 image in 11 is balanced.
    /// </summary>
    public const float Cap = 10f;

    /// <summary>
    /// negatives ÷ positives of each label over row-major <c>[images, <paramref name="labelCount"/>]</c> 0/1
    /// <paramref name="targets"/>, clamped to [1, <see cref="Cap"/>]; a label without positives gets 1.
    /// </summary>
    public static float[] FromTargets(ReadOnlySpan<float> targets, int labelCount)
    {
        if (labelCount <= 0) throw new ArgumentOutOfRangeException(nameof(labelCount), labelCount, "There must be at least one label.");
        if (targets.Length % labelCount != 0)
            throw new ArgumentException($"{targets.Length} targets do not make whole rows of {labelCount} labels.", nameof(targets));
        var positives = new long[labelCount];
        for (int i = 0; i < targets.Length; i++)
            if (targets[i] >= 0.5f) positives[i % labelCount]++;
        long images = targets.Length / labelCount;
        var weights = new float[labelCount];
        for (int l = 0; l < labelCount; l++)
            weights[l] = positives[l] == 0 ? 1f : Math.Clamp((float)(images - positives[l]) / positives[l], 1f, Cap);
        return weights;
    }
}
