using MultiLabel.Inference;

namespace MultiLabel.Tests;

/// <summary>One server over the test model, shared by the tests of the <c>served model</c> collection, and an offline predictor to compare with.</summary>
public sealed class ServedModel : IAsyncLifetime
{
    private RunningServer? running;
    private Predictor? offline;

    internal HttpClient Client => running!.Client;

    internal string BaseUrl => running!.Server.Urls[0];

    /// <summary>The same bundle loaded directly, as <c>multilabel predict</c> would.</summary>
    internal Predictor Offline => offline!;

    public async Task InitializeAsync()
    {
        running = await RunningServer.StartAsync();
        offline = Predictor.Load(TestModel.BundlePath);
    }

    public async Task DisposeAsync()
    {
        offline?.Dispose();
        if (running != null) await running.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ServedModelCollection : ICollectionFixture<ServedModel>
{
    public const string Name = "served model";
}
