namespace MultiLabel.Metrics;

/// <summary>
/// Evaluates multi-label predictions in one pass: accumulates confusion counts and keeps every score,
/// then computes every summary metric, the per-label results, the most confused label pairs and
/// precision–recall curves. Inputs are row-major <c>[batch, labelCount]</c> probabilities and 0/1 targets;
/// a label is predicted when its probability is at least its threshold.
/// </summary>
public sealed class MultiLabelEvaluator
{
    private readonly string[] labels;
    private readonly ConfusionCounts counts;
    private readonly ScoreBuffer scores;

    /// <summary>An evaluator for <paramref name="labels"/> sharing one <paramref name="threshold"/>.</summary>
    public MultiLabelEvaluator(IReadOnlyList<string> labels, float threshold = ConfusionCounts.DefaultThreshold)
        : this(labels, MetricInput.Uniform(labels?.Count ?? throw new ArgumentNullException(nameof(labels)), threshold))
    {
    }

    /// <summary>An evaluator for <paramref name="labels"/>, each decided at the threshold of the same index.</summary>
    /// <exception cref="ArgumentException">The numbers of labels and thresholds differ.</exception>
    public MultiLabelEvaluator(IReadOnlyList<string> labels, IReadOnlyList<float> thresholds)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (labels.Count != thresholds.Count)
            throw new ArgumentException($"Got {labels.Count} labels but {thresholds.Count} thresholds; give one threshold per label.", nameof(thresholds));
        this.labels = labels.ToArray();
        Labels = Array.AsReadOnly(this.labels);
        counts = new ConfusionCounts(thresholds);
        scores = new ScoreBuffer(this.labels.Length);
    }

    /// <summary>The labels, in output order.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The decision threshold of each label.</summary>
    public IReadOnlyList<float> Thresholds => counts.Thresholds;

    /// <summary>Number of images seen since the last <see cref="Reset"/>.</summary>
    public long ImageCount => counts.ImageCount;

    /// <summary>Forgets every batch seen so far.</summary>
    public void Reset()
    {
        counts.Reset();
        scores.Clear();
    }

    /// <summary>Adds one batch of row-major <c>[batch, labelCount]</c> probabilities and 0/1 targets.</summary>
    /// <exception cref="ArgumentException">The two spans differ in length or do not hold whole rows.</exception>
    public void Update(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> targets)
    {
        counts.Update(probabilities, targets); // checks the shapes before anything is kept
        scores.Add(probabilities, targets);
    }

    /// <summary>Every metric over the images seen so far; metrics that are undefined (e.g. with no images) are NaN.</summary>
    public EvaluationResult Compute()
    {
        double[] averagePrecision = MeanAveragePrecision.PerLabel(scores);
        var perLabel = new LabelResult[labels.Length];
        for (int l = 0; l < labels.Length; l++)
        {
            perLabel[l] = new LabelResult(
                labels[l], counts.Thresholds[l], counts.Precision(l), counts.Recall(l), counts.F1(l), averagePrecision[l],
                counts.Support(l), counts.TruePositives(l), counts.FalsePositives(l), counts.FalseNegatives(l));
        }
        return new EvaluationResult(
            counts.ImageCount,
            BinaryAccuracy.Compute(counts),
            ExactMatch.Compute(counts),
            HammingLoss.Compute(counts),
            F1Score.Compute(counts, Averaging.Micro),
            F1Score.Compute(counts, Averaging.Macro),
            MeanAveragePrecision.Mean(averagePrecision),
            Array.AsReadOnly(perLabel));
    }

    /// <summary>
    /// The label pairs (a, b) the model confuses most: the number of images that carry a, where a was
    /// missed and b, which the image does not carry, was predicted. Most frequent first (ties in label
    /// order); at most <paramref name="top"/> pairs, none with a count of 0.
    /// </summary>
    public IReadOnlyList<ConfusedPair> MostConfusedPairs(int top = 10)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        int labelCount = labels.Length;
        var pairs = new Dictionary<(int Actual, int Predicted), long>();
        var missed = new List<int>();
        var wronglyPredicted = new List<int>();
        ReadOnlySpan<float> probabilities = scores.Probabilities, targets = scores.Targets;
        for (int i = 0; i < scores.ImageCount; i++)
        {
            missed.Clear();
            wronglyPredicted.Clear();
            for (int l = 0; l < labelCount; l++)
            {
                bool predicted = probabilities[i * labelCount + l] >= counts.Thresholds[l];
                bool actual = MetricInput.IsPositive(targets[i * labelCount + l]);
                if (actual && !predicted) missed.Add(l);
                else if (predicted && !actual) wronglyPredicted.Add(l);
            }
            foreach (int a in missed)
                foreach (int b in wronglyPredicted)
                    pairs[(a, b)] = pairs.GetValueOrDefault((a, b)) + 1;
        }
        return pairs
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key.Actual).ThenBy(p => p.Key.Predicted)
            .Take(top)
            .Select(p => new ConfusedPair(labels[p.Key.Actual], labels[p.Key.Predicted], p.Value))
            .ToArray();
    }

    /// <summary>The precision–recall curve of <paramref name="label"/> (an index into <see cref="Labels"/>) over the images seen, for a report to draw.</summary>
    public PrecisionRecallCurve PrecisionRecall(int label) => PrecisionRecallCurve.Compute(scores.ScoresOf(label), scores.TargetsOf(label));
}
