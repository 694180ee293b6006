using MultiLabel.Inference;
using MultiLabel.Server;

namespace MultiLabel.Tests;

/// <summary>A real <see cref="PredictionServer"/> on a free loopback port with an <see cref="HttpClient"/> pointed at it.</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private RunningServer(PredictionServer server)
    {
        Server = server;
        Client = new HttpClient { BaseAddress = new Uri(server.Urls[0]), Timeout = TimeSpan.FromSeconds(60) };
    }

    public PredictionServer Server { get; }

    public HttpClient Client { get; }

    /// <summary>Serves the test model (<see cref="TestModel"/>).</summary>
    public static Task<RunningServer> StartAsync(ServeOptions? options = null) =>
        StartAsync(options ?? Options(TestModel.BundlePath), loadModel: null, waitForModel: true);

    /// <summary>Serves the predictor <paramref name="loadModel"/> returns.</summary>
    public static async Task<RunningServer> StartAsync(ServeOptions options, Func<Predictor>? loadModel, bool waitForModel = true)
    {
        options = options with { Urls = ["http://127.0.0.1:0"] };
        var server = loadModel is null
            ? new PredictionServer(options, configureLogging: _ => { })
            : new PredictionServer(options, loadModel, configureLogging: _ => { });
        await server.StartAsync();
        if (waitForModel) await server.WaitForModelAsync();
        return new RunningServer(server);
    }

    /// <summary>Options for a server whose model comes from a loader (the path is not read).</summary>
    public static ServeOptions Options(string modelPath = "unused.mlpkg") => new() { ModelPath = modelPath };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
