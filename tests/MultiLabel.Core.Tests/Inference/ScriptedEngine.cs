using MultiLabel.Inference;

namespace MultiLabel.Tests.Inference;

/// <summary>An engine that answers with given probability rows, in the order images reach it, so metrics can be worked out by hand.</summary>
internal sealed class ScriptedEngine(float[][] rows) : IPredictionEngine
{
    private int next;

    public InferenceEngine Kind => InferenceEngine.Torch;

    public float[] Predict(ReadOnlySpan<byte> pixels, int count)
    {
        var result = rows.Skip(next).Take(count).SelectMany(r => r).ToArray();
        next += count;
        return result;
    }

    public void Dispose() { }
}
