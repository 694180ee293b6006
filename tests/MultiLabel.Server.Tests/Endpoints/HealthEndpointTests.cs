using System.Net;
using MultiLabel.Inference;

namespace MultiLabel.Tests.Endpoints;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task HealthIs503WhileTheModelLoadsAnd200OnceItIsLoaded()
    {
        var release = new ManualResetEventSlim();
        var engine = new FakeEngine();
        Predictor Load()
        {
            release.Wait(TimeSpan.FromSeconds(30));
            return engine.ToPredictor();
        }
        await using var server = await RunningServer.StartAsync(RunningServer.Options(), Load, waitForModel: false);

        using var loading = await server.Client.GetAsync("/healthz");
        using var predictWhileLoading = await server.Client.PostAsync("/v1/predict", Requests.Raw(TestModel.SampleImages(1)[0]));
        using var modelWhileLoading = await server.Client.GetAsync("/v1/model");
        release.Set();
        await server.Server.WaitForModelAsync();
        using var ready = await server.Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, loading.StatusCode);
        Assert.Equal("loading", (await loading.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, predictWhileLoading.StatusCode);
        Assert.Contains("still loading", await predictWhileLoading.ErrorAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, modelWhileLoading.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready", (await ready.JsonAsync()).GetProperty("status").GetString());
    }
}
