using System.Collections.Concurrent;

namespace MultiLabel.Server.Metrics;

/// <summary>
/// What <c>GET /metrics</c> reports: requests by route and status, request latency by route,
/// images predicted, forward-pass batch sizes and whether the model is loaded. Thread-safe.
/// </summary>
internal sealed class ServerMetrics
{
    private static readonly double[] LatencyBounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly ConcurrentDictionary<(string Route, int Status), long> requests = new();
    private readonly ConcurrentDictionary<string, Histogram> latency = new();
    private readonly Histogram batchSizes;
    private long imagesPredicted;
    private long inFlight;
    private long rejected;

    /// <summary>Creates metrics whose batch-size buckets go up to <paramref name="maxBatchSize"/>.</summary>
    public ServerMetrics(int maxBatchSize) => batchSizes = new Histogram(BatchBounds(maxBatchSize));

    /// <summary>Whether the model is loaded, reported as a 0/1 gauge.</summary>
    public Func<bool> ModelLoaded { get; set; } = () => false;

    /// <summary>A request started.</summary>
    public void RequestStarted() => Interlocked.Increment(ref inFlight);

    /// <summary>A request to <paramref name="route"/> was answered with <paramref name="status"/> after <paramref name="elapsed"/>.</summary>
    public void RequestFinished(string route, int status, TimeSpan elapsed)
    {
        Interlocked.Decrement(ref inFlight);
        requests.AddOrUpdate((route, status), 1, (_, n) => n + 1);
        latency.GetOrAdd(route, _ => new Histogram(LatencyBounds)).Observe(elapsed.TotalSeconds);
    }

    /// <summary>One forward pass over <paramref name="images"/> images finished.</summary>
    public void BatchPredicted(int images)
    {
        Interlocked.Add(ref imagesPredicted, images);
        batchSizes.Observe(images);
    }

    /// <summary>Images in the prediction pipeline now, reported as a gauge.</summary>
    public Func<int> QueuedImages { get; set; } = () => 0;

    /// <summary>A request was refused because the queue was full.</summary>
    public void RequestRejected() => Interlocked.Increment(ref rejected);

    /// <summary>All metrics in the Prometheus text format.</summary>
    public string ToPrometheusText()
    {
        var text = new PrometheusText();
        text.Family("multilabel_http_requests_total", "counter", "HTTP requests answered, by route and status code.");
        foreach (var ((route, status), count) in requests.OrderBy(r => r.Key.Route, StringComparer.Ordinal).ThenBy(r => r.Key.Status))
            text.Sample("multilabel_http_requests_total", count, ("route", route), ("status", status.ToString()));
        text.Family("multilabel_http_request_duration_seconds", "histogram", "Time from request start to the end of the response, by route.");
        foreach (var (route, histogram) in latency.OrderBy(l => l.Key, StringComparer.Ordinal))
            text.Histogram("multilabel_http_request_duration_seconds", histogram, ("route", route));
        text.Family("multilabel_http_requests_in_flight", "gauge", "Requests being answered now.")
            .Sample("multilabel_http_requests_in_flight", Interlocked.Read(ref inFlight));
        text.Family("multilabel_images_predicted_total", "counter", "Images run through the model.")
            .Sample("multilabel_images_predicted_total", Interlocked.Read(ref imagesPredicted));
        text.Family("multilabel_batch_size", "histogram", "Images per forward pass (requests arriving together share one pass).")
            .Histogram("multilabel_batch_size", batchSizes);
        text.Family("multilabel_queued_images", "gauge", "Images being decoded, queued or predicted now (bounded by --max-queue).")
            .Sample("multilabel_queued_images", QueuedImages());
        text.Family("multilabel_requests_rejected_total", "counter", "Prediction requests answered 503 because the queue was full.")
            .Sample("multilabel_requests_rejected_total", Interlocked.Read(ref rejected));
        text.Family("multilabel_model_loaded", "gauge", "1 once the model is loaded and requests can be answered.")
            .Sample("multilabel_model_loaded", ModelLoaded() ? 1 : 0);
        return text.ToString();
    }

    private static double[] BatchBounds(int maxBatchSize)
    {
        var bounds = new List<double>();
        for (int b = 1; b < maxBatchSize; b *= 2) bounds.Add(b);
        bounds.Add(maxBatchSize);
        return [.. bounds];
    }
}
