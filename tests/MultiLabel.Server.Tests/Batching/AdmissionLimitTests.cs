using System.Net;

namespace MultiLabel.Tests.Batching;

/// <summary>Issue 16, item 5: a bounded queue sheds load with 503 and Retry-After instead of letting latency grow.</summary>
public sealed class AdmissionLimitTests
{
    [Fact]
    public async Task A_request_past_the_queue_gets_503_with_retry_after_at_once_and_the_queued_one_is_answered()
    {
        // The first image waits 2 s in the batch window, holding the queue's only place, while the second request arrives.
        var options = RunningServer.Options(TestModel.BundlePath) with { MaxQueue = 1, MaxBatchWait = TimeSpan.FromSeconds(2) };
        await using var server = await RunningServer.StartAsync(options);
        var images = TestModel.SampleImages(3);

        var first = server.Client.PostAsync("/v1/predict", Requests.Raw(images[0]));
        await WaitUntilAsync(async () => (await server.Client.GetStringAsync("/metrics")).Contains("multilabel_queued_images 1"));
        using var refused = await server.Client.PostAsync("/v1/predict", Requests.Raw(images[1]));
        bool refusedBeforeTheFirst = !first.IsCompleted;
        using var answered = await first;
        using var after = await server.Client.PostAsync("/v1/predict", Requests.Raw(images[2]));
        string metrics = await server.Client.GetStringAsync("/metrics");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.True(refusedBeforeTheFirst, "the refusal waited for the queue");
        Assert.Equal("1", refused.Headers.RetryAfter?.ToString());
        Assert.Equal("the server is busy (1 queued of at most 1 images); retry in a second", await refused.ErrorAsync());
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode); // the place is given back
        Assert.Contains("multilabel_requests_rejected_total 1", metrics);
        Assert.Contains("multilabel_queued_images 0", metrics);
    }

    [Fact]
    public async Task A_request_larger_than_the_queue_is_taken_when_nothing_else_waits()
    {
        var options = RunningServer.Options(TestModel.BundlePath) with { MaxQueue = 2 };
        await using var server = await RunningServer.StartAsync(options);

        using var answer = await server.Client.PostAsync("/v1/predict", Requests.Form(TestModel.SampleImages(5)));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(5, (await answer.ScoresAsync()).Length);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (int i = 0; i < 200 && !await condition(); i++) await Task.Delay(10);
    }
}
