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

    /// <summary>Most images one request may carry; a request with more is refused whole with 413 before any is decoded.</summary>
    public int MaxImagesPerRequest { get; init; } = 32;

    /// <summary>
    /// Most images decoded at once across all requests: each decode may take up to the pixel budget's memory (4 bytes a
    /// pixel, see <see cref="PredictorOptions.MaxPixels"/>), so N hostile requests cost at most this many images' worth.
    /// </summary>
    public int MaxConcurrentDecodes { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>
    /// Most images in the prediction pipeline at once (decoding, queued, or in the running pass); a request that would go past
    /// it gets 503 with <c>Retry-After</c> at once, so under overload the requests taken keep their latency (about two passes:
    /// the one running and the next). Null: one pass's worth, <see cref="MaxBatchSize"/>, at least <see cref="MaxImagesPerRequest"/>
    /// (measured: twice that let the p99 of accepted requests pass 1 s under 4× overload at resnet18@128 on 2 cores).
    /// </summary>
    public int? MaxQueue { get; init; }

    /// <summary>The queue bound in force: <see cref="MaxQueue"/>, or its default.</summary>
    public int MaxQueuedImages => MaxQueue ?? Math.Max(MaxBatchSize, MaxImagesPerRequest);

    /// <summary>
    /// Host names (the request's <c>Host</c> header without its port) the server answers; others get 400, so a page on another
    /// site cannot reach it through DNS rebinding. Null allows the hosts of <see cref="Urls"/> and the loopback names
    /// (localhost, 127.0.0.1, [::1]); a wildcard address (0.0.0.0, *, +) also allows this machine's name and addresses.
    /// <c>*</c> in the list allows every host.
    /// </summary>
    public IReadOnlyList<string>? AllowedHosts { get; init; }

    /// <summary>How long stopping waits for requests in flight before it gives up on them.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        if (Urls.Count == 0) throw new ArgumentException("At least one URL to listen on is needed, e.g. http://127.0.0.1:5000.");
        if (MaxBatchSize < 1) throw new ArgumentException($"The largest batch must hold at least one image, not {MaxBatchSize}.");
        if (MaxBatchWait < TimeSpan.Zero) throw new ArgumentException($"The batch wait cannot be negative ({MaxBatchWait.TotalMilliseconds} ms).");
        if (MaxRequestBytes < 1) throw new ArgumentException($"The request size limit must be positive, not {MaxRequestBytes} bytes.");
        if (MaxImagesPerRequest < 1) throw new ArgumentException($"A request must be allowed at least one image, not {MaxImagesPerRequest}.");
        if (MaxConcurrentDecodes < 1) throw new ArgumentException($"At least one decode must be allowed at a time, not {MaxConcurrentDecodes}.");
        if (MaxQueue is < 1) throw new ArgumentException($"The queue must hold at least one image, not {MaxQueue}.");
        if (AllowedHosts is { Count: 0 }) throw new ArgumentException("The allowed hosts cannot be an empty list; leave them unset for the default, or give * to allow every host.");
    }
}
