using System.Net;
using MultiLabel.Inference;
using MultiLabel.Persistence;
using MultiLabel.Server;

namespace MultiLabel.Tests;

public sealed class PredictionServerTests
{
    [Fact]
    public async Task StoppingFinishesTheRequestInFlight()
    {
        var engine = new FakeEngine { Delay = TimeSpan.FromSeconds(1.5) };
        await using var server = await RunningServer.StartAsync(RunningServer.Options(), engine.ToPredictor);

        var slow = server.Client.PostAsync("/v1/predict", Requests.Raw(TestModel.SampleImages(1)[0]));
        await engine.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var stopping = server.Server.StopAsync();
        using var response = await slow;
        await stopping;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await response.ScoresAsync());
        await Assert.ThrowsAsync<HttpRequestException>(() => server.Client.GetAsync("/healthz"));
    }

    [Fact]
    public async Task StoppingFinishesTheImagesStillQueuedBehindTheRunningPass()
    {
        var engine = new FakeEngine { Delay = TimeSpan.FromSeconds(1) };
        await using var server = await RunningServer.StartAsync(RunningServer.Options() with { MaxBatchSize = 1 }, engine.ToPredictor);
        var images = TestModel.SampleImages(3);

        var requests = images.Select(i => server.Client.PostAsync("/v1/predict", Requests.Raw(i))).ToArray();
        await engine.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(200); // the other two are decoded and queued by now
        await server.Server.StopAsync();
        var responses = await Task.WhenAll(requests);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal([1, 1, 1], engine.BatchSizes);
    }

    [Fact]
    public async Task AModelThatCannotBeLoadedStopsTheServerWithTheReason()
    {
        var options = RunningServer.Options() with { Urls = ["http://127.0.0.1:0"] };
        await using var server = new PredictionServer(options, () => throw new ModelBundleException("model.mlpkg is damaged"), _ => { });

        var failure = await Assert.ThrowsAsync<ModelBundleException>(() => server.RunAsync().WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal("model.mlpkg is damaged", failure.Message);
    }

    [Fact]
    public async Task AMissingBundleIsReportedAsTheLoaderSaysIt()
    {
        var options = RunningServer.Options("/nonexistent/model.mlpkg") with { Urls = ["http://127.0.0.1:0"] };
        await using var server = new PredictionServer(options, _ => { });
        await server.StartAsync();

        var failure = await Assert.ThrowsAsync<ModelBundleException>(() => server.WaitForModelAsync().WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Contains("Model file not found: /nonexistent/model.mlpkg", failure.Message);
    }

    [Theory]
    [InlineData(0, 5, 1000, "at least one image")]
    [InlineData(8, -1, 1000, "cannot be negative")]
    [InlineData(8, 5, 0, "must be positive")]
    public void OptionsOutOfRangeAreRefusedBeforeAnythingStarts(int maxBatch, int waitMs, long maxBytes, string message)
    {
        var options = RunningServer.Options() with
        {
            MaxBatchSize = maxBatch, MaxBatchWait = TimeSpan.FromMilliseconds(waitMs), MaxRequestBytes = maxBytes,
        };

        var error = Assert.Throws<ArgumentException>(() => new PredictionServer(options, () => new FakeEngine().ToPredictor()));

        Assert.Contains(message, error.Message);
    }
}
