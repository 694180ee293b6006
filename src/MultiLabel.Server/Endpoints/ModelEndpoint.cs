using System.Text.Json;
using Microsoft.AspNetCore.Http;
using MultiLabel.Models;
using MultiLabel.Persistence;

namespace MultiLabel.Server.Endpoints;

/// <summary><c>GET /v1/model</c>: what the served model is, from its manifest.</summary>
internal static class ModelEndpoint
{
    /// <summary>The answer.</summary>
    internal sealed record Response(
        string Architecture,
        string Engine,
        int ImageSize,
        IReadOnlyList<string> Labels,
        IReadOnlyDictionary<string, float> Thresholds,
        Normalization Normalization,
        IReadOnlyDictionary<string, double?> Metrics,
        JsonElement? Training,
        DateTimeOffset Created,
        string ToolVersion);

    public static IResult Handle(ModelState model)
    {
        if (model.Predictor is not { } predictor)
            return PredictEndpoint.Error(StatusCodes.Status503ServiceUnavailable, "the model is still loading; retry in a moment");
        var m = predictor.Manifest;
        var thresholds = m.Labels.Select((label, i) => (label, m.Thresholds[i])).ToDictionary(x => x.label, x => x.Item2);
        JsonElement? training = m.Training is null ? null : JsonSerializer.SerializeToElement(m.Training, JsonFormat.Options);
        return Results.Json(new Response(m.Architecture, predictor.Engine.ToString().ToLowerInvariant(), m.ImageSize, m.Labels, thresholds,
            m.Normalization, m.Metrics.ToDictionary(p => p.Key, p => double.IsFinite(p.Value) ? p.Value : (double?)null), training, m.Created, m.ToolVersion), ServerJson.Options);
    }
}
