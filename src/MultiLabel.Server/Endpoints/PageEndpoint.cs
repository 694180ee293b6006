using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace MultiLabel.Server.Endpoints;

/// <summary>
/// <c>GET /</c> and its two assets: the upload page, embedded in this assembly from <c>wwwroot/</c>
/// (plain HTML, CSS and JavaScript; nothing is fetched from elsewhere).
/// </summary>
internal static class PageEndpoint
{
    /// <summary>Request path → (embedded resource, content type).</summary>
    public static readonly FrozenDictionary<string, (string Resource, string ContentType)> Assets = new Dictionary<string, (string, string)>
    {
        ["/"] = ("wwwroot/index.html", "text/html; charset=utf-8"),
        ["/app.css"] = ("wwwroot/app.css", "text/css; charset=utf-8"),
        ["/app.js"] = ("wwwroot/app.js", "text/javascript; charset=utf-8"),
    }.ToFrozenDictionary();

    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' blob: data:; style-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static readonly FrozenDictionary<string, byte[]> Contents = Assets.ToFrozenDictionary(a => a.Key, a => Read(a.Value.Resource));

    /// <summary>
    /// Answers the asset at the request's path, spelled exactly (routing matches <c>/APP.JS</c> and <c>/app.js/</c> too,
    /// which are no assets: 404). The page may not be framed by another site.
    /// </summary>
    public static IResult Handle(HttpContext context)
    {
        string path = context.Request.Path.Value ?? "/";
        if (!Assets.TryGetValue(path, out var asset))
            return PredictEndpoint.Error(StatusCodes.Status404NotFound, $"there is no page at {path}; the page is at / (its assets are /app.js and /app.css)");
        string contentType = asset.ContentType;
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.Headers.XFrameOptions = "DENY";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-cache";
        return Results.Bytes(Contents[path], contentType);
    }

    private static byte[] Read(string resource)
    {
        using var stream = typeof(PageEndpoint).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The page asset {resource} is not embedded in {typeof(PageEndpoint).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
