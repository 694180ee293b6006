using System.Net;
using System.Text.RegularExpressions;

namespace MultiLabel.Tests.Endpoints;

public sealed partial class MetricsEndpointTests
{
    [Fact]
    public async Task CountsRequestsByStatusImagesAndBatchesInPrometheusTextFormat()
    {
        var engine = new FakeEngine();
        await using var server = await RunningServer.StartAsync(RunningServer.Options(), engine.ToPredictor);
        var images = TestModel.SampleImages(3);
        (await server.Client.PostAsync("/v1/predict", Requests.Form(images))).Dispose();
        (await server.Client.PostAsync("/v1/predict", Requests.Raw(images[0]))).Dispose();
        (await server.Client.PostAsync("/v1/predict", Requests.Raw(TestData.BadInput("black_pants/text_a.jpg")))).Dispose();
        (await server.Client.GetAsync("/no-such-page")).Dispose();

        using var response = await server.Client.GetAsync("/metrics");
        string text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, Value(text, "multilabel_http_requests_total{route=\"/v1/predict\",status=\"200\"}"));
        Assert.Equal(1, Value(text, "multilabel_http_requests_total{route=\"/v1/predict\",status=\"415\"}"));
        Assert.Equal(1, Value(text, "multilabel_http_requests_total{route=\"unmatched\",status=\"404\"}"));
        Assert.Equal(3, Value(text, "multilabel_http_request_duration_seconds_count{route=\"/v1/predict\"}"));
        Assert.Equal(3, Value(text, "multilabel_http_request_duration_seconds_bucket{route=\"/v1/predict\",le=\"+Inf\"}"));
        Assert.Equal(4, Value(text, "multilabel_images_predicted_total"));
        Assert.Equal(4, Value(text, "multilabel_batch_size_sum"));
        Assert.Equal(1, Value(text, "multilabel_model_loaded"));
        Assert.Contains("# TYPE multilabel_http_request_duration_seconds histogram", text);
        Assert.All(text.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.Matches(LineFormat(), line));
    }

    private static double Value(string text, string series)
    {
        var line = text.Split('\n').SingleOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        Assert.True(line != null, $"no sample {series} in:\n{text}");
        return double.Parse(line[(series.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A comment line, or <c>name{label="value",...} number</c>.</summary>
    [GeneratedRegex("""^(# (HELP|TYPE) \w+ .+|[a-z_]+(\{[a-z_]+="[^"]*"(,[a-z_]+="[^"]*")*\})? [0-9.eE+-]+|.* \+Inf)$""")]
    private static partial Regex LineFormat();
}
