using Microsoft.AspNetCore.Http;
using MultiLabel.Server.Metrics;

namespace MultiLabel.Server.Endpoints;

/// <summary><c>GET /metrics</c>: <see cref="ServerMetrics"/> in the Prometheus text format.</summary>
internal static class MetricsEndpoint
{
    public static IResult Handle(ServerMetrics metrics) => Results.Text(metrics.ToPrometheusText(), PrometheusText.ContentType);
}
