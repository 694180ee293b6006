using System.Net;

namespace MultiLabel.Tests.Endpoints;

[Collection(ServedModelCollection.Name)]
public sealed class PageEndpointTests(ServedModel served)
{
    [Theory]
    [InlineData("/", "text/html", "<input id=\"files\" type=\"file\"")]
    [InlineData("/app.css", "text/css", ".card")]
    [InlineData("/app.js", "text/javascript", "/v1/predict")]
    public async Task ServesThePageAndItsAssetsFromTheAssembly(string path, string mediaType, string content)
    {
        using var response = await served.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        string body = await response.Content.ReadAsStringAsync();
        Assert.Contains(content, body);
        Assert.DoesNotContain("http://", body);   // no external assets
        Assert.DoesNotContain("https://", body);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }
}
