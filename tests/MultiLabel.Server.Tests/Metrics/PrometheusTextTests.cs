using MultiLabel.Server.Metrics;

namespace MultiLabel.Tests.Metrics;

public sealed class PrometheusTextTests
{
    [Fact]
    public void AHistogramIsWrittenAsCumulativeBucketsWithInfSumAndCount()
    {
        var histogram = new Histogram([0.1, 1]);
        foreach (double v in new[] { 0.05, 0.5, 0.7, 3 }) histogram.Observe(v);

        string text = new PrometheusText()
            .Family("latency_seconds", "histogram", "Latency.")
            .Histogram("latency_seconds", histogram, ("route", "/v1/predict"))
            .ToString();

        Assert.Equal(
            "# HELP latency_seconds Latency.\n" +
            "# TYPE latency_seconds histogram\n" +
            "latency_seconds_bucket{route=\"/v1/predict\",le=\"0.1\"} 1\n" +
            "latency_seconds_bucket{route=\"/v1/predict\",le=\"1\"} 3\n" +
            "latency_seconds_bucket{route=\"/v1/predict\",le=\"+Inf\"} 4\n" +
            "latency_seconds_sum{route=\"/v1/predict\"} 4.25\n" +
            "latency_seconds_count{route=\"/v1/predict\"} 4\n", text);
    }

    [Fact]
    public void LabelValuesAreEscaped()
    {
        string text = new PrometheusText().Sample("requests_total", 2, ("path", "a\"b\\c\nd")).ToString();

        Assert.Equal("requests_total{path=\"a\\\"b\\\\c\\nd\"} 2\n", text);
    }
}
