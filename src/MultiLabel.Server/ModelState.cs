using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MultiLabel.Inference;

namespace MultiLabel.Server;

/// <summary>
/// Loads the model in the background once the host has started (Kestrel listening), so the server
/// answers (503 on <c>/healthz</c>) while a large model loads. A failed load stops the host; the
/// failure is kept for <see cref="PredictionServer"/> to rethrow. Stopping while the model loads waits for the load to
/// end before the predictor is disposed and the process exits: a load cannot be cut off half-way through native code
/// (libtorch, ONNX Runtime) without the process dying noisily.
/// </summary>
internal sealed class ModelState(Func<Predictor> load, IHostApplicationLifetime lifetime, ILogger<ModelState> logger)
    : IHostedLifecycleService, IDisposable
{
    private readonly TaskCompletionSource<Predictor> loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task loading = Task.CompletedTask;

    /// <summary>The predictor once loaded, else null.</summary>
    public Predictor? Predictor { get; private set; }

    /// <summary>Completes with the predictor when it is loaded; faults with the reason when loading fails.</summary>
    public Task<Predictor> Loaded => loaded.Task;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        loading = Task.Run(Load, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken) =>
        await loading.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    private void Load()
    {
        try
        {
            var predictor = load();
            Predictor = predictor;
            var m = predictor.Manifest;
            logger.LogInformation("Model loaded: {Architecture}, {Labels} labels, {Size}px, engine {Engine}",
                m.Architecture, m.Labels.Count, m.ImageSize, predictor.Engine.ToString().ToLowerInvariant());
            loaded.TrySetResult(predictor);
        }
        catch (Exception e)
        {
            logger.LogError("The model could not be loaded: {Reason}", e.Message);
            loaded.TrySetException(e);
            lifetime.StopApplication();
        }
    }

    public void Dispose()
    {
        loading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter().GetResult();
        Predictor?.Dispose();
    }
}
