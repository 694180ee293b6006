using System.Net.Http.Headers;
using System.Text.Json;

namespace MultiLabel.Tests;

/// <summary>Request bodies and answer readers the endpoint tests share.</summary>
internal static class Requests
{
    /// <summary>The file at <paramref name="path"/> as a raw body with content type <paramref name="contentType"/>.</summary>
    public static ByteArrayContent Raw(string path, string contentType = "image/jpeg") => Raw(File.ReadAllBytes(path), contentType);

    public static ByteArrayContent Raw(byte[] bytes, string contentType = "image/jpeg")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }

    /// <summary>A multipart form with each file as an <c>image</c> field.</summary>
    public static MultipartFormDataContent Form(params string[] paths)
    {
        var form = new MultipartFormDataContent();
        foreach (var path in paths) form.Add(new ByteArrayContent(File.ReadAllBytes(path)), "image", Path.GetFileName(path));
        return form;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>The <c>error</c> of a JSON error answer.</summary>
    public static async Task<string> ErrorAsync(this HttpResponseMessage response) =>
        (await response.JsonAsync()).GetProperty("error").GetString()!;

    /// <summary>The scores of each prediction in a predict answer, label → score.</summary>
    public static async Task<Dictionary<string, float>[]> ScoresAsync(this HttpResponseMessage response) =>
        (await response.JsonAsync()).GetProperty("predictions").EnumerateArray()
            .Select(p => p.GetProperty("scores").EnumerateObject().ToDictionary(s => s.Name, s => s.Value.GetSingle())).ToArray();

    /// <summary>The labels of each prediction in a predict answer.</summary>
    public static async Task<string[][]> LabelsAsync(this HttpResponseMessage response) =>
        (await response.JsonAsync()).GetProperty("predictions").EnumerateArray()
            .Select(p => p.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!).ToArray()).ToArray();
}
