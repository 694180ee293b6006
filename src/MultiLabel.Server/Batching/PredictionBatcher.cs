using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MultiLabel.Data;
using MultiLabel.Inference;
using MultiLabel.Server.Metrics;

namespace MultiLabel.Server.Batching;

/// <summary>
/// Combines images from requests arriving together into one forward pass. Requests decode their
/// images on their own threads (so decoding overlaps the pass in progress) and queue them; one loop
/// takes whatever is queued, waits up to <see cref="ServeOptions.MaxBatchWait"/> after the first
/// image for more (never past <see cref="ServeOptions.MaxBatchSize"/>), runs the model once and hands
/// each image its row. The model therefore only ever runs on this loop, one pass at a time.
/// The queue closes only after every other hosted service (Kestrel among them, which waits for the
/// requests in flight) has stopped, and drains before the host stops, so no request is cut off.
/// </summary>
internal sealed class PredictionBatcher(ServeOptions options, ModelState model, ServerMetrics metrics, ILogger<PredictionBatcher> logger)
    : IHostedLifecycleService
{
    private readonly Channel<PendingImage> queue = Channel.CreateUnbounded<PendingImage>(new UnboundedChannelOptions { SingleReader = true });
    private Task loop = Task.CompletedTask;

    /// <summary>Queues <paramref name="image"/> for the next pass; completes with its probabilities.</summary>
    /// <exception cref="ServerStoppingException">The server is stopping and takes no new work.</exception>
    public Task<float[]> PredictAsync(DecodedImage image, CancellationToken requestAborted)
    {
        var pending = new PendingImage(image, requestAborted);
        if (!queue.Writer.TryWrite(pending)) throw new ServerStoppingException();
        return pending.Probabilities;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        loop = Task.Run(RunAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>After every hosted service has stopped: takes no new images, then waits (until <paramref name="cancellationToken"/> fires) for the queued ones.</summary>
    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        await loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RunAsync()
    {
        Predictor predictor;
        try { predictor = await model.Loaded; }
        catch (Exception) { return; } // ModelState reports the failure and stops the host.

        var batch = new List<PendingImage>(options.MaxBatchSize);
        while (await queue.Reader.WaitToReadAsync())
        {
            await CollectAsync(batch);
            Run(predictor, batch);
            batch.Clear();
        }
    }

    /// <summary>Fills <paramref name="batch"/> with queued images until it is full or the wait since the first one is over.</summary>
    private async Task CollectAsync(List<PendingImage> batch)
    {
        using var window = new CancellationTokenSource(options.MaxBatchWait);
        while (true)
        {
            while (batch.Count < options.MaxBatchSize && queue.Reader.TryRead(out var pending))
            {
                if (pending.Abandoned) pending.Abandon();
                else batch.Add(pending);
            }
            if (batch.Count >= options.MaxBatchSize) return;
            try
            {
                if (!await queue.Reader.WaitToReadAsync(window.Token)) return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Run(Predictor predictor, List<PendingImage> batch)
    {
        if (batch.Count == 0) return;
        try
        {
            var probabilities = predictor.PredictProbabilities(batch.Select(p => p.Image).ToArray(), batch.Count);
            int labels = predictor.Vocabulary.Count;
            for (int i = 0; i < batch.Count; i++) batch[i].Complete(probabilities.AsSpan(i * labels, labels).ToArray());
            metrics.BatchPredicted(batch.Count);
        }
        catch (Exception e)
        {
            logger.LogError(e, "A forward pass over {Count} images failed", batch.Count);
            foreach (var pending in batch) pending.Fail(e);
        }
    }
}

/// <summary>The server is shutting down and accepts no new images.</summary>
internal sealed class ServerStoppingException() : Exception("the server is shutting down; retry on another instance or after it restarts");
