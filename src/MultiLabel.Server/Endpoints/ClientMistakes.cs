using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace MultiLabel.Server.Endpoints;

/// <summary>
/// Gives the answers ASP.NET Core itself makes for client mistakes — an unknown path (404), a method the path does not take
/// (405) — the JSON error body every other answer has, instead of an empty one.
/// </summary>
internal static class ClientMistakes
{
    /// <summary>The status code pages handler: fills an empty 4xx answer with <c>{"error": …}</c>.</summary>
    public static Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        string path = http.Request.Path.Value ?? "/";
        string? message = http.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound =>
                $"there is nothing at {path}; the server answers POST /v1/predict, GET /v1/model, /healthz, /metrics and the page at /",
            StatusCodes.Status405MethodNotAllowed =>
                $"{path} does not take {http.Request.Method}" + (path == "/v1/predict" ? "; send images with POST" : "; use GET"),
            _ => null,
        };
        return message is null ? Task.CompletedTask : PredictEndpoint.Error(http.Response.StatusCode, message).ExecuteAsync(http);
    }
}
