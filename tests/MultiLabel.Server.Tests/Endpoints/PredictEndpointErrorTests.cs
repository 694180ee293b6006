using System.Net;
using System.Net.Http.Headers;

namespace MultiLabel.Tests.Endpoints;

/// <summary>What a client that sends something wrong is told, and that the server goes on serving.</summary>
[Collection(ServedModelCollection.Name)]
public sealed class PredictEndpointErrorTests(ServedModel served)
{
    [Theory]
    [InlineData("black_pants/text_a.jpg", "holds text")]
    [InlineData("black_pants/random_a.png", "unrecognised content")]
    [InlineData("black_dress/truncated_a.jpg", "truncated JPEG")]
    [InlineData("black_shirt/png_header_only_a.png", "PNG")]
    public async Task ABodyThatIsNotAnImageIsA415WithTheDecodersReason(string badInput, string reason)
    {
        using var response = await served.Client.PostAsync("/v1/predict", Requests.Raw(TestData.BadInput(badInput)));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = await response.ErrorAsync();
        Assert.Contains("the request body cannot be read as an image", error);
        Assert.Contains(reason, error);
    }

    [Fact]
    public async Task OneBrokenImageRefusesTheWholeRequestNamingThePart()
    {
        var good = TestModel.SampleImages(2);

        using var response = await served.Client.PostAsync("/v1/predict",
            Requests.Form(good[0], TestData.BadInput("black_pants/text_a.jpg"), good[1]));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var error = await response.ErrorAsync();
        Assert.Contains("image 2 ('text_a.jpg') cannot be read as an image", error);
        Assert.Contains("1 of 3 images; no image of this request was predicted", error);
    }

    [Fact]
    public async Task AnEmptyBodyIsA400()
    {
        using var response = await served.Client.PostAsync("/v1/predict", Requests.Raw([], "image/jpeg"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("the request body is empty", await response.ErrorAsync());
    }

    [Fact]
    public async Task AnEmptyImagePartIsA400NamingIt()
    {
        using var response = await served.Client.PostAsync("/v1/predict",
            Requests.Form(TestModel.SampleImages(1)[0], TestData.BadInput("black_dress/empty_a.jpg")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("image 2 ('empty_a.jpg') is empty", await response.ErrorAsync());
    }

    [Fact]
    public async Task AFormWithoutAnImageFieldIsA400NamingTheFieldsItHas()
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(File.ReadAllBytes(TestModel.SampleImages(1)[0])), "file", "photo.jpg");

        using var response = await served.Client.PostAsync("/v1/predict", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no field named 'image' (it has: file)", await response.ErrorAsync());
    }

    [Fact]
    public async Task BrokenImagesNeitherCrashNorPoisonTheRequestsAroundThem()
    {
        var good = TestModel.SampleImages(6);
        string[] bad = ["black_pants/text_a.jpg", "black_dress/truncated_a.jpg", "black_shirt/png_header_only_a.png", "black_pants/random_a.png"];

        var goodRequests = good.Select(g => served.Client.PostAsync("/v1/predict", Requests.Raw(g))).ToArray();
        var badRequests = bad.Select(b => served.Client.PostAsync("/v1/predict", Requests.Raw(TestData.BadInput(b)))).ToArray();
        var responses = await Task.WhenAll(goodRequests.Concat(badRequests));
        using var after = await served.Client.PostAsync("/v1/predict", Requests.Raw(good[0]));

        Assert.All(responses.Take(good.Length), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(responses.Skip(good.Length), r => Assert.Equal(HttpStatusCode.UnsupportedMediaType, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var before = (await responses[0].ScoresAsync())[0];
        Assert.All((await after.ScoresAsync())[0], s => Assert.Equal(before[s.Key], s.Value, 4));
        foreach (var r in responses) r.Dispose();
    }

    [Fact]
    public async Task AGetIsA405()
    {
        using var response = await served.Client.GetAsync("/v1/predict");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
