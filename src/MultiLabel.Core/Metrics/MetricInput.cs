namespace MultiLabel.Metrics;

/// <summary>Checks and reads the row-major <c>[batch, labelCount]</c> inputs every metric takes.</summary>
internal static class MetricInput
{
    /// <summary>True when a 0/1 target marks the label present; a smoothed target counts from 0.5 up.</summary>
    public static bool IsPositive(float target) => target >= 0.5f;

    /// <summary>The number of images (rows) in a batch, after checking that both spans hold the same whole rows.</summary>
    public static int ImageCount(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> targets, int labelCount)
    {
        if (probabilities.Length != targets.Length)
            throw new ArgumentException(
                $"Got {probabilities.Length} probabilities but {targets.Length} targets; both must be [batch, {labelCount}] in row-major order.",
                nameof(targets));
        if (probabilities.Length % labelCount != 0)
            throw new ArgumentException(
                $"{probabilities.Length} values do not make whole rows of {labelCount} labels; pass [batch, {labelCount}] in row-major order.",
                nameof(probabilities));
        return probabilities.Length / labelCount;
    }

    /// <summary>The same threshold for each of <paramref name="labelCount"/> labels.</summary>
    public static float[] Uniform(int labelCount, float threshold)
    {
        if (labelCount <= 0) throw new ArgumentOutOfRangeException(nameof(labelCount), labelCount, "There must be at least one label.");
        return Check(Enumerable.Repeat(threshold, labelCount).ToArray());
    }

    /// <summary>A private copy of per-label thresholds, checked to be non-empty and numbers.</summary>
    public static float[] Copy(IReadOnlyList<float> thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        if (thresholds.Count == 0) throw new ArgumentException("There must be one threshold per label, and at least one label.", nameof(thresholds));
        return Check(thresholds.ToArray());
    }

    /// <summary>Column <paramref name="label"/> of a row-major matrix with <paramref name="labelCount"/> columns.</summary>
    public static float[] Column(ReadOnlySpan<float> rowMajor, int labelCount, int label)
    {
        if ((uint)label >= (uint)labelCount) throw new ArgumentOutOfRangeException(nameof(label), label, $"Labels are numbered 0 to {labelCount - 1}.");
        var column = new float[rowMajor.Length / labelCount];
        for (int i = 0; i < column.Length; i++) column[i] = rowMajor[i * labelCount + label];
        return column;
    }

    private static float[] Check(float[] thresholds)
    {
        int bad = Array.FindIndex(thresholds, float.IsNaN);
        if (bad >= 0) throw new ArgumentException($"The threshold of label {bad} is not a number.", nameof(thresholds));
        return thresholds;
    }
}
