using System.Collections.Concurrent;
using MultiLabel.Inference;
using MultiLabel.Models;
using MultiLabel.Persistence;

namespace MultiLabel.Tests;

/// <summary>
/// A stand-in engine that takes <see cref="Delay"/> per pass and records what it was given. Every
/// label of an image scores the image's mean pixel / 255, so a test can tell whose answer is whose.
/// </summary>
internal sealed class FakeEngine : IPredictionEngine
{
    public const int ImageSize = 16;
    public static readonly string[] Labels = ["blue", "dress", "red"];

    private int active;
    private int passes;

    public TimeSpan Delay { get; init; }

    /// <summary>Passes for which this returns true throw instead of answering (argument: the pass number, from 1).</summary>
    public Func<int, bool> FailPass { get; init; } = _ => false;

    public ConcurrentQueue<int> BatchSizes { get; } = new();

    public int MaxConcurrentPasses { get; private set; }

    /// <summary>Completes when the first pass starts.</summary>
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public InferenceEngine Kind => InferenceEngine.Torch;

    public float[] Predict(ReadOnlySpan<byte> pixels, int count)
    {
        int now = Interlocked.Increment(ref active);
        lock (BatchSizes) MaxConcurrentPasses = Math.Max(MaxConcurrentPasses, now);
        try
        {
            Started.TrySetResult();
            int pass = Interlocked.Increment(ref passes);
            Thread.Sleep(Delay);
            if (FailPass(pass)) throw new InvalidOperationException($"fake engine failure in pass {pass}");
            BatchSizes.Enqueue(count);
            int size = 3 * ImageSize * ImageSize;
            var result = new float[count * Labels.Length];
            for (int i = 0; i < count; i++)
            {
                long sum = 0;
                foreach (byte b in pixels.Slice(i * size, size)) sum += b;
                Array.Fill(result, sum / (255f * size), i * Labels.Length, Labels.Length);
            }
            return result;
        }
        finally
        {
            Interlocked.Decrement(ref active);
        }
    }

    /// <summary>What this engine answers for the encoded image at <paramref name="path"/>.</summary>
    public static float Expected(string path)
    {
        var pixels = MultiLabel.Data.ImageDecoder.Decode(path, ImageSize, ImageSize).Pixels;
        return pixels.Sum(b => (long)b) / (255f * pixels.Length);
    }

    /// <summary>A predictor over this engine with a hand-made manifest.</summary>
    public Predictor ToPredictor() => new(TestBundle.Manifest(Labels) with { ImageSize = ImageSize }, this);

    public void Dispose()
    {
    }
}
