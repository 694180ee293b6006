namespace MultiLabel.Metrics;

/// <summary>STUB replaced by the metrics branch.</summary>
public sealed class MultiLabelEvaluator(IReadOnlyList<string> labels, IReadOnlyList<float> thresholds)
{
    private long correct, total;
    /// <summary>Stub.</summary>
    public void Update(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> targets)
    {
        for (int i = 0; i < probabilities.Length; i++) { total++; if ((probabilities[i] >= thresholds[i % labels.Count]) == (targets[i] >= 0.5f)) correct++; }
    }
    /// <summary>Stub.</summary>
    public EvaluationResult Compute() => new(new Dictionary<string, double> { ["binary_accuracy"] = (double)correct / total });
}

/// <summary>STUB.</summary>
public sealed record EvaluationResult(IReadOnlyDictionary<string, double> Summary);
