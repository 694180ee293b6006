using System.Net;

namespace MultiLabel.Tests.Endpoints;

/// <summary><see cref="MultiLabel.Server.ServeOptions.MaxRequestBytes"/>: bodies over it are refused with 413, whatever their framing.</summary>
public sealed class RequestSizeLimitTests
{
    private const long Limit = 100_000;
    private static readonly string Huge = TestData.BadInput("black_shoes/huge_a.jpg"); // about 350 KB

    [Fact]
    public async Task ABodyOverTheLimitIsA413()
    {
        await using var server = await StartAsync();

        using var response = await server.Client.PostAsync("/v1/predict", Requests.Raw(Huge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than this server accepts (100,000 bytes", await response.ErrorAsync());
        Assert.True(response.Headers.ConnectionClose, "the unread rest of the body makes the connection unusable");
    }

    [Fact]
    public async Task AChunkedBodyOverTheLimitIsA413()
    {
        await using var server = await StartAsync();
        using var content = new StreamContent(File.OpenRead(Huge)); // no Content-Length: sent chunked
        content.Headers.ContentType = new("image/jpeg");

        using var response = await server.Client.PostAsync("/v1/predict", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("--max-request-bytes", await response.ErrorAsync());
    }

    [Fact]
    public async Task ImagesThatTogetherExceedTheLimitAreA413AndSmallerRequestsStillPass()
    {
        await using var server = await StartAsync();
        var images = Directory.GetFiles(TestData.Samples, "*.jpg", SearchOption.AllDirectories)
            .OrderByDescending(p => new FileInfo(p).Length).Take(24).ToArray();

        using var tooMany = await server.Client.PostAsync("/v1/predict", Requests.Form(images));
        using var one = await server.Client.PostAsync("/v1/predict", Requests.Form(images[^1]));

        Assert.True(images.Sum(p => new FileInfo(p).Length) > Limit && images.All(p => new FileInfo(p).Length < Limit));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooMany.StatusCode);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
    }

    private static Task<RunningServer> StartAsync()
    {
        var engine = new FakeEngine();
        return RunningServer.StartAsync(RunningServer.Options() with { MaxRequestBytes = Limit }, engine.ToPredictor);
    }
}
