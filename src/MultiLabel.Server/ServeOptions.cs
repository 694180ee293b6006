using MultiLabel.Inference;

namespace MultiLabel.Server;

/// <summary>How <see cref="PredictionServer"/> listens, batches and limits requests.</summary>
public sealed record ServeOptions
{
    /// <summary>The <c>model.mlpkg</c> to serve.</summary>
    public required string ModelPath { get; init; }

    /// <summary>Addresses to listen on (Kestrel URLs); loopback only by default. Port 0 picks a free port.</summary>
    public IReadOnlyList<string> Urls { get; init; } = ["http://127.0.0.1:5000"];

    /// <summary>Engine, threads and device of the predictor.</summary>
    public PredictorOptions Predictor { get; init; } = new();

    /// <summary>Most images one forward pass takes; images waiting beyond that go into the next pass.</summary>
    public int MaxBatchSize { get; init; } = 32;

    /// <summary>How long the first image of a batch waits for others to join it before the pass starts.</summary>
    public TimeSpan MaxBatchWait { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Largest request body accepted, all images of a request together; larger ones get 413.</summary>
    public long MaxRequestBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>How long stopping waits for requests in flight before it gives up on them.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        if (Urls.Count == 0) throw new ArgumentException("At least one URL to listen on is needed, e.g. http://127.0.0.1:5000.");
        if (MaxBatchSize < 1) throw new ArgumentException($"The largest batch must hold at least one image, not {MaxBatchSize}.");
        if (MaxBatchWait < TimeSpan.Zero) throw new ArgumentException($"The batch wait cannot be negative ({MaxBatchWait.TotalMilliseconds} ms).");
        if (MaxRequestBytes < 1) throw new ArgumentException($"The request size limit must be positive, not {MaxRequestBytes} bytes.");
    }
}
