using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using MultiLabel.Inference;
using MultiLabel.Persistence;
using MultiLabel.Server.Batching;
using MultiLabel.Server.Endpoints;
using MultiLabel.Server.Metrics;

namespace MultiLabel.Server;

/// <summary>
/// The HTTP server over a <see cref="Predictor"/> (Kestrel, minimal APIs): <c>POST /v1/predict</c>,
/// <c>GET /v1/model</c>, <c>GET /healthz</c>, <c>GET /metrics</c> and the upload page at <c>GET /</c>.
/// It listens at once and loads the model in the background; concurrent requests share forward
/// passes (see <see cref="ServeOptions.MaxBatchSize"/>); stopping finishes the requests in flight.
/// </summary>
public sealed class PredictionServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ModelState model;

    /// <summary>A server for the bundle at <see cref="ServeOptions.ModelPath"/>, loaded with <see cref="ServeOptions.Predictor"/>.</summary>
    /// <param name="options">Where to listen, how to batch, what to accept.</param>
    /// <param name="configureLogging">Where logs go; by default one line per message on stderr, ASP.NET's own at warning and above.</param>
    public PredictionServer(ServeOptions options, Action<ILoggingBuilder>? configureLogging = null)
        : this(options, () => Predictor.Load(options.ModelPath, options.Predictor), configureLogging)
    {
    }

    /// <summary>A server over the predictor <paramref name="loadModel"/> returns (called once, in the background, after the server starts).</summary>
    public PredictionServer(ServeOptions options, Func<Predictor> loadModel, Action<ILoggingBuilder>? configureLogging = null)
    {
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(PredictionServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            kestrel.AddServerHeader = false;
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);
        builder.Logging.ClearProviders();
        (configureLogging ?? LogToStandardError)(builder.Logging);

        // The model loads once Kestrel listens; the batcher's queue closes once Kestrel has drained the requests in flight.
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new ServerMetrics(options.MaxBatchSize));
        builder.Services.AddSingleton(services => new ModelState(loadModel,
            services.GetRequiredService<IHostApplicationLifetime>(), services.GetRequiredService<ILogger<ModelState>>()));
        builder.Services.AddHostedService(services => services.GetRequiredService<ModelState>());
        builder.Services.AddSingleton<PredictionBatcher>();
        builder.Services.AddSingleton<DecodeSlots>();
        builder.Services.AddSingleton<AdmissionLimit>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PredictionBatcher>());

        app = builder.Build();
        model = app.Services.GetRequiredService<ModelState>();
        var metrics = app.Services.GetRequiredService<ServerMetrics>();
        metrics.ModelLoaded = () => model.Predictor != null;
        var admission = app.Services.GetRequiredService<AdmissionLimit>();
        metrics.QueuedImages = () => admission.Held;
        var logger = app.Services.GetRequiredService<ILogger<PredictionServer>>();

        var hosts = new HostCheck(options);
        app.Use((context, next) => ObserveAsync(context, next, metrics, logger));
        app.Use(hosts.InvokeAsync);
        app.UseStatusCodePages(ClientMistakes.WriteAsync);
        app.MapPost("/v1/predict", PredictEndpoint.HandleAsync);
        string[] read = [HttpMethods.Get, HttpMethods.Head]; // HEAD wherever GET is: same headers, no body
        app.MapMethods("/v1/model", read, ModelEndpoint.Handle);
        app.MapMethods("/healthz", read, HealthEndpoint.Handle);
        app.MapMethods("/metrics", read, MetricsEndpoint.Handle);
        foreach (var path in PageEndpoint.Assets.Keys) app.MapMethods(path, read, PageEndpoint.Handle);
    }

    /// <summary>The addresses the server listens on, with the real port where port 0 was asked for (after <see cref="StartAsync"/>).</summary>
    public IReadOnlyList<string> Urls => [.. app.Urls];

    /// <summary>Starts listening; the model loads in the background (<c>/healthz</c> answers 503 until it is ready).</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => app.StartAsync(cancellationToken);

    /// <summary>Waits until the model is loaded and returns its manifest; throws why it could not be loaded.</summary>
    public async Task<BundleManifest> WaitForModelAsync(CancellationToken cancellationToken = default) =>
        (await model.Loaded.WaitAsync(cancellationToken)).Manifest;

    /// <summary>
    /// Waits until <paramref name="cancellationToken"/> fires or the host is told to stop (SIGTERM, a
    /// failed model load), then stops gracefully; rethrows a model load failure.
    /// </summary>
    public async Task WaitForShutdownAsync(CancellationToken cancellationToken = default)
    {
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(() => stopping.TrySetResult()))
        using (app.Lifetime.ApplicationStopping.Register(() => stopping.TrySetResult()))
            await stopping.Task;
        await StopAsync();
        if (model.Loaded.Exception?.InnerException is { } failure) ExceptionDispatchInfo.Throw(failure);
    }

    /// <summary>Starts, serves until <paramref name="cancellationToken"/> fires or the host stops, then stops gracefully.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        await StartAsync(cancellationToken);
        await WaitForShutdownAsync(cancellationToken);
    }

    /// <summary>
    /// Stops taking connections, lets the requests in flight finish (up to <see cref="ServeOptions.ShutdownTimeout"/>
    /// or until <paramref name="cancellationToken"/> fires), then stops the batcher.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => app.StopAsync(cancellationToken);

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => app.DisposeAsync();

    /// <summary>Counts and times every request; turns an unexpected failure into a 500 with a JSON error.</summary>
    private static async Task ObserveAsync(HttpContext context, RequestDelegate next, ServerMetrics metrics, ILogger logger)
    {
        long start = Stopwatch.GetTimestamp();
        metrics.RequestStarted();
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            context.Response.StatusCode = 499; // the client went away; nothing is sent
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            await PredictEndpoint.Error(e.StatusCode, $"bad request: {e.Message}").ExecuteAsync(context);
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            logger.LogError(e, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
            await PredictEndpoint.Error(StatusCodes.Status500InternalServerError, $"the server failed on this request: {e.Message}").ExecuteAsync(context);
        }
        finally
        {
            string route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
            metrics.RequestFinished(route, context.Response.StatusCode, Stopwatch.GetElapsedTime(start));
        }
    }

    private static void LogToStandardError(ILoggingBuilder logging)
    {
        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        logging.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.AddFilter("Microsoft", LogLevel.Warning);
    }
}
