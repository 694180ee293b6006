using System.Collections.Concurrent;
using System.Diagnostics;
using static MultiLabel.Bench.Requests;

namespace MultiLabel.Bench;

/// <summary>
/// An open-loop overload: single-image requests sent at a fixed RATE per second for SECONDS, whatever the answers, as
/// clients that do not wait for each other do. Counts the answers by status and times the accepted ones and the refusals.
/// </summary>
internal static class OverloadRun
{
    public static async Task<int> MeasureAsync(string url, string folder, double rate, double seconds)
    {
        var images = BenchImages.Load(folder, 64);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 4096 };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        var results = new ConcurrentBag<(int Status, double Milliseconds)>();
        var sends = new List<Task>();
        int total = (int)(rate * seconds);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            byte[] image = images[i % images.Length];
            sends.Add(Task.Run(async () => results.Add(await PredictAsync(client, image))));
        }
        await Task.WhenAll(sends);
        clock.Stop();

        var accepted = results.Where(r => r.Status == 200).Select(r => r.Milliseconds).Order().ToArray();
        var refused = results.Where(r => r.Status == 503).Select(r => r.Milliseconds).Order().ToArray();
        int other = results.Count(r => r.Status is not (200 or 503));
        Console.WriteLine($"overload_rate={rate:F1} sent={total} seconds={clock.Elapsed.TotalSeconds:F1} accepted={accepted.Length} " +
                          $"accepted_per_second={accepted.Length / clock.Elapsed.TotalSeconds:F1} rejected_503={refused.Length} other={other} " +
                          $"accepted_p50_ms={Percentile(accepted, 0.50):F1} accepted_p99_ms={Percentile(accepted, 0.99):F1} " +
                          $"rejected_p99_ms={Percentile(refused, 0.99):F1}");
        return other == 0 && Percentile(accepted, 0.99) < 1000 ? 0 : 1;
    }
}
