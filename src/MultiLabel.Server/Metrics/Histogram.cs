namespace MultiLabel.Server.Metrics;

/// <summary>A Prometheus-style histogram: counts of observations at or below each upper bound, their sum and count. Thread-safe.</summary>
internal sealed class Histogram(IReadOnlyList<double> upperBounds)
{
    private readonly Lock gate = new();
    private readonly long[] counts = new long[upperBounds.Count];
    private double sum;
    private long count;

    /// <summary>Finite upper bounds, ascending; <c>+Inf</c> is implied.</summary>
    public IReadOnlyList<double> UpperBounds => upperBounds;

    /// <summary>Records one observation.</summary>
    public void Observe(double value)
    {
        lock (gate)
        {
            for (int i = 0; i < counts.Length; i++)
                if (value <= upperBounds[i]) counts[i]++;
            sum += value;
            count++;
        }
    }

    /// <summary>Cumulative bucket counts (one per upper bound), the sum and the count, read together.</summary>
    public (long[] Cumulative, double Sum, long Count) Snapshot()
    {
        lock (gate) return ((long[])counts.Clone(), sum, count);
    }
}
