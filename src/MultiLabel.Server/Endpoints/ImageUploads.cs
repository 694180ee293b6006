using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace MultiLabel.Server.Endpoints;

/// <summary>One image as sent: a name for messages and its encoded bytes.</summary>
/// <param name="Name">The part's file name, or <c>image N</c>.</param>
/// <param name="Bytes">The encoded image (JPEG, PNG, …), not yet checked.</param>
internal sealed record ImageUpload(string Name, byte[] Bytes);

/// <summary>
/// Reads the images of a predict request: every <c>image</c> field of a <c>multipart/form-data</c>
/// body, in order, or the whole body as one image. Content types are not trusted: images are
/// recognised by their bytes when they are decoded.
/// </summary>
internal static class ImageUploads
{
    /// <summary>The form field images are sent in.</summary>
    public const string Field = "image";

    /// <summary>
    /// The images of <paramref name="request"/>; throws <see cref="ApiException"/> for bodies it cannot take: 400 for a malformed
    /// one, 413 past <paramref name="maxBytes"/> or <paramref name="maxImages"/> (counted as the parts arrive, so a request of
    /// 20,000 tiny images is refused at the 33rd, not after all of them are read).
    /// </summary>
    public static async Task<IReadOnlyList<ImageUpload>> ReadAsync(HttpRequest request, long maxBytes, int maxImages, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes) throw TooLarge(maxBytes);
        try
        {
            if (request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true)
                return await ReadMultipartAsync(request, maxBytes, maxImages, cancellationToken);
            var body = await ReadAllAsync(request.Body, maxBytes, cancellationToken);
            if (body.Length == 0)
                throw new ApiException(StatusCodes.Status400BadRequest,
                    "the request body is empty; send an image as the body (curl --data-binary @photo.jpg) or as multipart/form-data field 'image' (curl -F image=@photo.jpg)");
            return [new ImageUpload("the request body", body)];
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(maxBytes);
        }
    }

    private static async Task<IReadOnlyList<ImageUpload>> ReadMultipartAsync(HttpRequest request, long maxBytes, int maxImages, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType))
            throw new ApiException(StatusCodes.Status400BadRequest, $"the Content-Type header '{request.ContentType}' cannot be parsed");
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
            throw new ApiException(StatusCodes.Status400BadRequest, "the multipart/form-data body has no boundary in its Content-Type header");
        var reader = new MultipartReader(boundary, request.Body);
        var images = new List<ImageUpload>();
        var otherFields = new List<string>();
        long total = 0;
        MultipartSection? section;
        try
        {
            while ((section = await reader.ReadNextSectionAsync(cancellationToken)) != null)
            {
                var disposition = section.GetContentDispositionHeader();
                string name = HeaderUtilities.RemoveQuotes(disposition?.Name ?? default).Value ?? "";
                if (name != Field)
                {
                    otherFields.Add(name);
                    continue;
                }
                if (images.Count == maxImages)
                    throw new ApiException(StatusCodes.Status413PayloadTooLarge,
                        $"the request holds more than {maxImages} images, the most this server takes in one request; send them in several requests, or start the server with a larger --max-images");
                var bytes = await ReadAllAsync(section.Body, maxBytes - total, cancellationToken);
                total += bytes.Length;
                string fileName = HeaderUtilities.RemoveQuotes(disposition!.FileName).Value ?? "";
                string label = fileName.Length > 0 ? $"image {images.Count + 1} ('{fileName}')" : $"image {images.Count + 1}";
                if (bytes.Length == 0) throw new ApiException(StatusCodes.Status400BadRequest, $"{label} is empty (0 bytes)");
                images.Add(new ImageUpload(label, bytes));
            }
        }
        catch (InvalidDataException e)
        {
            throw new ApiException(StatusCodes.Status400BadRequest, $"the multipart/form-data body cannot be read: {e.Message}");
        }
        catch (IOException e) when (e is not BadHttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            // The body ended inside a part: the closing boundary never came.
            throw new ApiException(StatusCodes.Status400BadRequest,
                $"the multipart/form-data body ends before its closing boundary ({e.Message}); send the whole form");
        }
        if (images.Count == 0)
            throw new ApiException(StatusCodes.Status400BadRequest, otherFields.Count == 0
                ? "the form holds no images; send each image as a field named 'image'"
                : $"the form has no field named 'image' (it has: {string.Join(", ", otherFields.Distinct())}); send each image as a field named 'image'");
        return images;
    }

    /// <summary>Reads <paramref name="stream"/> to its end, refusing more than <paramref name="maxBytes"/>.</summary>
    private static async Task<byte[]> ReadAllAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (copy.Length + read > maxBytes) throw TooLarge(maxBytes);
            copy.Write(buffer, 0, read);
        }
        return copy.ToArray();
    }

    private static ApiException TooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge,
            $"the request is larger than this server accepts ({maxBytes:N0} bytes for all images together); send fewer or smaller images, or start the server with a larger --max-request-bytes");
}
