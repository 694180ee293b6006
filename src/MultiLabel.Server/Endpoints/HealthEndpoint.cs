using Microsoft.AspNetCore.Http;

namespace MultiLabel.Server.Endpoints;

/// <summary><c>GET /healthz</c>: 200 once the model is loaded and requests can be answered, 503 before.</summary>
internal static class HealthEndpoint
{
    internal sealed record Response(string Status);

    public static IResult Handle(ModelState model) =>
        model.Predictor != null
            ? Results.Json(new Response("ready"), ServerJson.Options)
            : Results.Json(new Response("loading"), ServerJson.Options, statusCode: StatusCodes.Status503ServiceUnavailable);
}
