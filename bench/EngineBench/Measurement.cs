using System.Diagnostics;
using MultiLabel.Inference;

namespace MultiLabel.Bench;

/// <summary>Batch-1 latencies and batch-N throughput of one engine, gathered a round at a time.</summary>
internal sealed class Measurement
{
    private readonly byte[][] images;
    private readonly int imageBytes;
    private readonly BenchOptions options;
    private readonly byte[] batch;
    private readonly List<double> latencies = [];
    private TimeSpan batchTime;
    private int batches;
    private int next;

    /// <summary>Warms <paramref name="engine"/> up (five single images, one batch) and keeps the batch's probabilities.</summary>
    public Measurement(IPredictionEngine engine, byte[][] images, int size, BenchOptions options)
    {
        Engine = engine;
        this.images = images;
        this.options = options;
        imageBytes = 3 * size * size;
        batch = new byte[options.BatchSize * imageBytes];
        for (int i = 0; i < 5; i++) engine.Predict(images[i % images.Length], 1);
        Fill(0);
        Probabilities = engine.Predict(batch, options.BatchSize);
    }

    public IPredictionEngine Engine { get; }

    /// <summary>Probabilities of the first batch, to compare engines by.</summary>
    public float[] Probabilities { get; }

    /// <summary>Images per second over every timed batch.</summary>
    public double Throughput => batches * options.BatchSize / batchTime.TotalSeconds;

    /// <summary>One round's share of the batch-1 runs and of the batches.</summary>
    public void RunRound(int rounds)
    {
        for (int i = 0; i < options.LatencyRuns / rounds; i++)
        {
            long start = Stopwatch.GetTimestamp();
            Engine.Predict(images[next++ % images.Length], 1);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        for (int b = 0; b < Math.Max(1, options.ThroughputBatches / rounds); b++)
        {
            Fill(next);
            next += options.BatchSize;
            long start = Stopwatch.GetTimestamp();
            Engine.Predict(batch, options.BatchSize);
            batchTime += Stopwatch.GetElapsedTime(start);
            batches++;
        }
    }

    /// <summary>The <paramref name="p"/> quantile (nearest rank) of the batch-1 latencies, in milliseconds.</summary>
    public double Percentile(double p)
    {
        var sorted = latencies.Order().ToArray();
        return sorted[(int)Math.Clamp(Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private void Fill(int first)
    {
        for (int i = 0; i < options.BatchSize; i++) images[(first + i) % images.Length].CopyTo(batch, i * imageBytes);
    }
}
