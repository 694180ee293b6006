using System.Net;
using MultiLabel.Server;

namespace MultiLabel.Tests.Batching;

public sealed class PredictionBatcherTests
{
    [Fact]
    public async Task RequestsArrivingTogetherShareForwardPassesAndEachGetsItsOwnAnswer()
    {
        var engine = new FakeEngine { Delay = TimeSpan.FromMilliseconds(150) };
        await using var server = await RunningServer.StartAsync(RunningServer.Options() with { MaxBatchWait = TimeSpan.FromMilliseconds(50) }, engine.ToPredictor);
        var images = TestModel.SampleImages(16);

        var responses = await Task.WhenAll(images.Select(i => server.Client.PostAsync("/v1/predict", Requests.Raw(i))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        for (int i = 0; i < images.Length; i++)
            Assert.Equal(FakeEngine.Expected(images[i]), (await responses[i].ScoresAsync())[0]["blue"], 5);
        Assert.Equal(16, engine.BatchSizes.Sum());
        Assert.True(engine.BatchSizes.Count <= 8, $"16 concurrent requests took {engine.BatchSizes.Count} passes ({string.Join(", ", engine.BatchSizes)})");
        Assert.Equal(1, engine.MaxConcurrentPasses);
    }

    [Fact]
    public async Task NoPassTakesMoreThanTheLargestBatch()
    {
        var engine = new FakeEngine { Delay = TimeSpan.FromMilliseconds(100) };
        var options = RunningServer.Options() with { MaxBatchSize = 3, MaxBatchWait = TimeSpan.FromMilliseconds(100) };
        await using var server = await RunningServer.StartAsync(options, engine.ToPredictor);

        using var response = await server.Client.PostAsync("/v1/predict", Requests.Form(TestModel.SampleImages(10)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(10, (await response.ScoresAsync()).Length);
        Assert.Equal([3, 3, 3, 1], engine.BatchSizes);
    }

    [Fact]
    public async Task AFailedPassFailsOnlyItsRequestsAndTheNextPassRuns()
    {
        var engine = new FakeEngine { FailPass = pass => pass == 1 };
        await using var server = await RunningServer.StartAsync(RunningServer.Options(), engine.ToPredictor);
        var image = TestModel.SampleImages(1)[0];

        using var failed = await server.Client.PostAsync("/v1/predict", Requests.Raw(image));
        using var next = await server.Client.PostAsync("/v1/predict", Requests.Raw(image));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Contains("fake engine failure in pass 1", await failed.ErrorAsync());
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }
}
