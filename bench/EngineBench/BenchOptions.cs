namespace MultiLabel.Bench;

/// <summary>Command line of the engines benchmark: <c>--sizes 128,224 --threads 2 --engines torch,onnx --rounds 4 …</c>.</summary>
internal sealed record BenchOptions(
    int[] Sizes, int Threads, string[] Engines, int LatencyRuns, int ThroughputBatches, int BatchSize, string Images, int ImageCount, int Rounds)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--")) throw new ArgumentException($"Expected an --option, got '{args[i]}'.");
            values[args[i][2..]] = args[i + 1];
        }
        string Get(string name, string fallback) => values.GetValueOrDefault(name, fallback);
        return new BenchOptions(
            Get("sizes", "128,224").Split(',').Select(int.Parse).ToArray(),
            int.Parse(Get("threads", "2")),
            Get("engines", "torch,onnx,onnx-nhwc").Split(','),
            int.Parse(Get("latency-runs", "200")),
            int.Parse(Get("throughput-batches", "8")),
            int.Parse(Get("batch-size", "32")),
            Get("images", "/work/shared/datasets/apparel"),
            int.Parse(Get("image-count", "64")),
            int.Parse(Get("rounds", "4")));
    }
}
