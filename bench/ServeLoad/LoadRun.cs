using System.Diagnostics;
using System.Net.Http.Headers;

namespace MultiLabel.Bench;

/// <summary>A bounded closed-loop load: CONCURRENCY clients share COUNT single-image requests, each sent when the client's last one is answered.</summary>
internal static class LoadRun
{
    public static async Task<int> MeasureAsync(string url, string folder, int count, int concurrency)
    {
        var images = BenchImages.Load(folder, count);
        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        await Task.WhenAll(Enumerable.Range(0, 2 * concurrency).Select(i => SendAsync(client, images[i % count]))); // warm-up

        var latencies = new double[count];
        var ok = new bool[count];
        int next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            for (int i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                long start = Stopwatch.GetTimestamp();
                ok[i] = await SendAsync(client, images[i]);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }));
        watch.Stop();

        Array.Sort(latencies);
        int errors = ok.Count(o => !o);
        Console.WriteLine($"requests={count} concurrency={concurrency} seconds={watch.Elapsed.TotalSeconds:F2} " +
                          $"requests_per_second={count / watch.Elapsed.TotalSeconds:F1} p50_ms={Percentile(latencies, 0.50):F1} " +
                          $"p99_ms={Percentile(latencies, 0.99):F1} errors={errors}");
        return errors == 0 ? 0 : 1;
    }

    private static async Task<bool> SendAsync(HttpClient client, byte[] image)
    {
        try
        {
            using var content = new ByteArrayContent(image);
            content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            using var response = await client.PostAsync("/v1/predict", content);
            await response.Content.ReadAsByteArrayAsync();
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>The nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
