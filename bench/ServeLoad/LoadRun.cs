using System.Diagnostics;
using static MultiLabel.Bench.Requests;

namespace MultiLabel.Bench;

/// <summary>A bounded closed-loop load: CONCURRENCY clients share COUNT single-image requests, each sent when the client's last one is answered.</summary>
internal static class LoadRun
{
    public static async Task<int> MeasureAsync(string url, string folder, int count, int concurrency)
    {
        var images = BenchImages.Load(folder, count);
        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        await Task.WhenAll(Enumerable.Range(0, 2 * concurrency).Select(i => PredictAsync(client, images[i % count]))); // warm-up

        var latencies = new double[count];
        var ok = new bool[count];
        int next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            for (int i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                (int status, latencies[i]) = await PredictAsync(client, images[i]);
                ok[i] = status is >= 200 and < 300;
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
}
