using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MultiLabel.Data;
using MultiLabel.Inference;
using MultiLabel.Reporting;
using MultiLabel.Server.Batching;
using MultiLabel.Server.Metrics;

namespace MultiLabel.Server.Endpoints;

/// <summary>
/// <c>POST /v1/predict</c>: one or more images (multipart field <c>image</c>, repeatable, or a raw
/// body) in, one prediction per image out, in request order. Optional <c>threshold</c> (one
/// threshold for every label instead of the model's own) and <c>top_k</c> query parameters; with
/// <c>explain=true</c> each prediction also carries, for each predicted label, its Grad-CAM heat map laid over the
/// image as a PNG data URL (longest side at most <see cref="OverlaySide"/> px, so an answer stays small) and the
/// map's centre of mass.
/// A request is answered whole or refused whole: if any of its images cannot be decoded the answer
/// is 415 naming each broken part, and none of its images is run.
/// </summary>
internal static class PredictEndpoint
{
    /// <summary>The answer: one entry per image, in the order they were sent.</summary>
    internal sealed record Response(IReadOnlyList<ImagePrediction> Predictions);

    /// <summary>
    /// Labels over their thresholds (highest score first), every label's score, and each label's heat map when asked for; for an
    /// image the model gave no numbers for (a damaged model), labels and scores are null and <c>error</c> says why.
    /// </summary>
    internal sealed record ImagePrediction(
        IReadOnlyList<string>? Labels,
        IReadOnlyDictionary<string, float>? Scores,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, Explanation>? Explanations = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error = null);

    /// <summary>One label's heat map: the overlay as a PNG data URL, and the map's centre of mass as fractions of width and height from the top left.</summary>
    internal sealed record Explanation(string Image, double[] Center);

    /// <summary>Longest side of an overlay in an answer, in pixels (a smaller image keeps its size).</summary>
    public const int OverlaySide = 512;

    public static async Task<IResult> HandleAsync(HttpContext context, ModelState model, PredictionBatcher batcher, ServeOptions options,
        DecodeSlots decodeSlots, AdmissionLimit admission, ServerMetrics metrics, ILogger<PredictionBatcher> logger)
    {
        var aborted = context.RequestAborted;
        try
        {
            var predictor = model.Predictor ?? throw new ApiException(StatusCodes.Status503ServiceUnavailable,
                "the model is still loading; retry in a moment (GET /healthz answers 200 once it is ready)");
            var decide = ReadOptions(context.Request.Query);
            bool explain = ReadExplain(context.Request.Query);
            var uploads = await ImageUploads.ReadAsync(context.Request, options.MaxRequestBytes, options.MaxImagesPerRequest, aborted);
            using var admitted = admission.TryEnter(uploads.Count);
            if (admitted is null)
            {
                metrics.RequestRejected();
                context.Response.Headers.RetryAfter = "1";
                return Error(StatusCodes.Status503ServiceUnavailable,
                    $"the server is busy ({admission.Held} queued of at most {options.MaxQueuedImages} images); retry in a second");
            }
            var images = await DecodeAsync(uploads, predictor, decodeSlots, logger, aborted);
            var probabilities = await Task.WhenAll(images.Select(image => batcher.PredictAsync(image, aborted)));
            var decided = probabilities.Select((p, i) => predictor.Decide(uploads[i].Name, p, decide)).ToArray();
            var explanations = explain ? await Task.Run(() => Explain(predictor, uploads, images, decided), aborted) : null;
            var predictions = decided.Select((p, i) => p.Failed
                ? new ImagePrediction(null, null, Error: p.Error)
                : new ImagePrediction(p.Labels, p.Scores, explanations?[i])).ToArray();
            return Results.Json(new Response(predictions), ServerJson.Options);
        }
        catch (ApiException e)
        {
            // The rest of an oversized body is never read: the connection cannot carry another request.
            if (e.Status == StatusCodes.Status413PayloadTooLarge) context.Response.Headers.Connection = "close";
            return Error(e.Status, e.Message);
        }
        catch (ServerStoppingException e)
        {
            return Error(StatusCodes.Status503ServiceUnavailable, e.Message);
        }
    }

    /// <summary>An error answer: <paramref name="status"/> with <c>{"error": message}</c>.</summary>
    public static IResult Error(int status, string message) => Results.Json(new ApiError(message), ServerJson.Options, statusCode: status);

    private static PredictOptions ReadOptions(IQueryCollection query)
    {
        float? threshold = null;
        int? topK = null;
        if (query.TryGetValue("threshold", out var t))
        {
            if (!float.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out float value) || !(value >= 0 && value <= 1))
                throw new ApiException(StatusCodes.Status400BadRequest, $"threshold must be a number from 0 to 1, not '{t}'");
            threshold = value;
        }
        if (query.TryGetValue("top_k", out var k))
        {
            if (!int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < 1)
                throw new ApiException(StatusCodes.Status400BadRequest, $"top_k must be a whole number of at least 1, not '{k}'");
            topK = value;
        }
        return new PredictOptions { Threshold = threshold, TopK = topK };
    }

    private static bool ReadExplain(IQueryCollection query)
    {
        if (!query.TryGetValue("explain", out var value)) return false;
        return value.ToString().ToLowerInvariant() switch
        {
            "true" or "1" or "" => true,
            "false" or "0" => false,
            _ => throw new ApiException(StatusCodes.Status400BadRequest, $"explain must be true or false, not '{value}'"),
        };
    }

    /// <summary>The heat map of each predicted label of each image, laid over the upload (one explainer pass for the request).</summary>
    private static Dictionary<string, Explanation>[] Explain(Predictor predictor, IReadOnlyList<ImageUpload> uploads, DecodedImage[] images,
        IReadOnlyList<Prediction> predictions)
    {
        var maps = predictor.Explain(images, predictions.Select(p => p.Labels).ToArray());
        var result = new Dictionary<string, Explanation>[images.Length];
        Parallel.For(0, images.Length, i => result[i] = maps[i].ToDictionary(map => map.Label, map =>
        {
            byte[] png = HeatMapOverlay.Render(uploads[i].Bytes, map, OverlaySide);
            var (x, y) = map.Center;
            return new Explanation("data:image/png;base64," + Convert.ToBase64String(png), [Math.Round(x, 4), Math.Round(y, 4)]);
        }));
        return result;
    }

    /// <summary>
    /// Decodes every upload at the model's size within its pixel budget, as many at once as the server's decode slots allow;
    /// any failure refuses the request (415) naming each broken image.
    /// </summary>
    private static async Task<DecodedImage[]> DecodeAsync(IReadOnlyList<ImageUpload> uploads, Predictor predictor, DecodeSlots slots,
        ILogger logger, CancellationToken cancellationToken)
    {
        var decoded = new DecodedImage[uploads.Count];
        var errors = new string?[uploads.Count];
        await Task.WhenAll(uploads.Select((upload, i) => Task.Run(async () =>
        {
            try
            {
                decoded[i] = await slots.DecodeAsync(upload.Bytes, predictor.ImageSize, predictor.MaxPixels, cancellationToken);
            }
            catch (ImageDecodeException e)
            {
                errors[i] = $"{uploads[i].Name} cannot be read as an image: {e.Message}";
            }
            catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
            {
                logger.LogWarning(e, "The decoder failed on {Image}", TerminalText.Escape(uploads[i].Name));
                errors[i] = $"{uploads[i].Name} cannot be read as an image: the decoder failed ({e.Message})";
            }
        }, CancellationToken.None)));
        var broken = errors.Where(e => e != null).ToArray();
        if (broken.Length > 0)
            throw new ApiException(StatusCodes.Status415UnsupportedMediaType,
                string.Join("; ", broken) + (uploads.Count > 1 ? $" ({broken.Length} of {uploads.Count} images; no image of this request was predicted)" : ""));
        return decoded;
    }
}
