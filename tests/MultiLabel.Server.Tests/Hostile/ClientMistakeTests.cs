using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MultiLabel.Tests.Hostile;

/// <summary>Issue 14, items 7 and 10: every client mistake is a 4xx JSON answer; the page cannot be framed; HEAD works where GET does.</summary>
[Collection(ServedModelCollection.Name)]
public sealed class ClientMistakeTests(ServedModel served)
{
    [Fact]
    public async Task A_multipart_body_without_its_closing_boundary_is_a_400()
    {
        string body = "--XYZ\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.gif\"\r\nContent-Type: image/gif\r\n\r\n" +
                      Encoding.Latin1.GetString(HostileImages.TinyGif()); // no "\r\n--XYZ--"
        using var content = new ByteArrayContent(Encoding.Latin1.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=XYZ");

        using var answer = await served.Client.PostAsync("/v1/predict", content);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.StartsWith("the multipart/form-data body ends before its closing boundary", await answer.ErrorAsync());
    }

    [Theory]
    [InlineData("/APP.JS")]
    [InlineData("/app.js/")]
    [InlineData("/App.css")]
    public async Task Static_files_are_served_by_their_exact_name_only(string path)
    {
        using var answer = await served.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Equal($"there is no page at {path}; the page is at / (its assets are /app.js and /app.css)", await answer.ErrorAsync());
    }

    [Fact]
    public async Task Unknown_paths_and_methods_get_json_errors()
    {
        using var missing = await served.Client.GetAsync("/nope");
        using var wrongMethod = await served.Client.GetAsync("/v1/predict");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.StartsWith("there is nothing at /nope", await missing.ErrorAsync());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal("/v1/predict does not take GET; send images with POST", await wrongMethod.ErrorAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/app.js")]
    [InlineData("/healthz")]
    [InlineData("/v1/model")]
    [InlineData("/metrics")]
    public async Task Head_answers_wherever_get_does(string path)
    {
        using var answer = await served.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Empty(await answer.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_page_may_not_be_framed_by_another_site()
    {
        using var answer = await served.Client.GetAsync("/");

        Assert.Contains("frame-ancestors 'none'", answer.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", answer.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task A_request_naming_another_host_is_refused_as_dns_rebinding_would_send_it()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/model");
        request.Headers.Host = "attacker.example";

        using var answer = await served.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("the Host header 'attacker.example' names no host this server answers (127.0.0.1, ::1, localhost); " +
                     "start it with --allowed-hosts naming the host clients use", await answer.ErrorAsync());
        using var local = new HttpRequestMessage(HttpMethod.Get, "/v1/model");
        local.Headers.Host = "localhost";
        Assert.Equal(HttpStatusCode.OK, (await served.Client.SendAsync(local)).StatusCode);
    }

    [Fact]
    public async Task A_host_named_in_allowed_hosts_is_answered()
    {
        await using var server = await RunningServer.StartAsync(RunningServer.Options(TestModel.BundlePath) with { AllowedHosts = ["models.internal"] });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Host = "models.internal";

        using var answer = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }
}
