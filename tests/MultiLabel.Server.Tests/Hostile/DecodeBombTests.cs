using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace MultiLabel.Tests.Hostile;

/// <summary>Issue 14, items 3 and 4: bombs and floods of images cost the server a header read each, not gigabytes.</summary>
[Collection(ServedModelCollection.Name)]
public sealed class DecodeBombTests(ServedModel served)
{
    [Fact]
    public async Task Eight_concurrent_png_bombs_are_each_refused_from_their_header_and_the_server_stays_ready()
    {
        byte[] bomb = HostileImages.PngDeclaring(13_000, 13_000);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => served.Client.PostAsync("/v1/predict", Requests.Raw(bomb, "image/png"))));

        foreach (var answer in answers)
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.StatusCode);
            Assert.Equal("the request body cannot be read as an image: its header declares 13000×13000 pixels, which is more than the 40 megapixels " +
                         "decoded per image; it is refused as a likely decompression bomb: downscale it, or raise the pixel budget", await answer.ErrorAsync());
        }
        using var health = await served.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task A_jpeg_declaring_65500_squared_is_refused_from_its_header()
    {
        byte[] bomb = HostileImages.JpegDeclaring(65_500, 65_500);
        using var answer = await served.Client.PostAsync("/v1/predict", Requests.Raw(bomb)); // its time: bench/hostile.sh

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.StatusCode);
        Assert.Contains("declares 65500×65500 pixels, which even decoded at 8188×8188 is more than the 40 megapixels", await answer.ErrorAsync());
    }

    [Fact]
    public async Task A_request_of_more_images_than_allowed_is_a_413_and_single_images_still_pass()
    {
        using var form = new MultipartFormDataContent();
        byte[] gif = HostileImages.TinyGif();
        for (int i = 0; i < 20_000; i++)
        {
            var part = new ByteArrayContent(gif);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/gif");
            form.Add(part, "image", $"{i}.gif");
        }

        var clock = Stopwatch.StartNew();
        using var flood = await served.Client.PostAsync("/v1/predict", form);
        clock.Stop();
        using var one = await served.Client.PostAsync("/v1/predict", Requests.Raw(gif, "image/gif"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, flood.StatusCode);
        Assert.Equal("the request holds more than 32 images, the most this server takes in one request; send them in several requests, " +
                     "or start the server with a larger --max-images", await flood.ErrorAsync());
        Assert.True(clock.ElapsedMilliseconds < 5000, $"refused after {clock.ElapsedMilliseconds} ms");
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
    }
}
