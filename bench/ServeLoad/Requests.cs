using System.Diagnostics;
using System.Net.Http.Headers;

namespace MultiLabel.Bench;

/// <summary>What the load and overload runs share: one single-image request, and percentiles of latencies.</summary>
internal static class Requests
{
    /// <summary>Posts <paramref name="image"/> (JPEG) to /v1/predict and reads the answer: its status (0 when none came) and the time it took.</summary>
    public static async Task<(int Status, double Milliseconds)> PredictAsync(HttpClient client, byte[] image)
    {
        long start = Stopwatch.GetTimestamp();
        try
        {
            using var content = new ByteArrayContent(image);
            content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            using var response = await client.PostAsync("/v1/predict", content);
            await response.Content.ReadAsByteArrayAsync();
            return ((int)response.StatusCode, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (0, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }

    /// <summary>The nearest-rank percentile <paramref name="p"/> of sorted values; NaN when there are none.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
