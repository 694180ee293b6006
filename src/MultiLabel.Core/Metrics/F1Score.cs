namespace MultiLabel.Metrics;

/// <summary>
/// F1 over thresholded label decisions, averaged over labels as <see cref="Averaging"/> says:
/// <c>micro_f1</c>, <c>macro_f1</c> or <c>weighted_f1</c>.
/// </summary>
/// <remarks>
/// <para>Per label, F1 = 2·TP / (2·TP + FP + FN). A label with TP + FP + FN = 0 (never present and never
/// predicted) has no defined F1 and is left out of the macro average; a label with no positives that was
/// predicted anyway has F1 = 0 and counts. This differs from scikit-learn, which scores the undefined
/// case as <c>zero_division</c> (0 by default) and so lets absent labels drag the macro mean down.</para>
/// <para>Micro F1 pools the counts of all labels; weighted F1 weights each label's F1 by its support,
/// so labels without positives weigh nothing. Every variant is NaN when no label has a defined score
/// (for example before any batch, or when nothing is present or predicted at all).</para>
/// </remarks>
public sealed class F1Score : ThresholdedMetric
{
    /// <summary>F1 over <paramref name="labelCount"/> labels sharing one <paramref name="threshold"/>.</summary>
    public F1Score(Averaging averaging, int labelCount, float threshold = ConfusionCounts.DefaultThreshold)
        : base(labelCount, threshold)
    {
        Averaging = averaging;
    }

    /// <summary>F1 with a threshold per label.</summary>
    public F1Score(Averaging averaging, IReadOnlyList<float> thresholds)
        : base(thresholds)
    {
        Averaging = averaging;
    }

    /// <summary>How the per-label scores are combined.</summary>
    public Averaging Averaging { get; }

    /// <inheritdoc />
    public override string Name => Averaging switch
    {
        Averaging.Micro => MetricNames.MicroF1,
        Averaging.Macro => MetricNames.MacroF1,
        _ => MetricNames.WeightedF1,
    };

    /// <inheritdoc />
    public override MetricDirection Direction => MetricDirection.Maximize;

    /// <inheritdoc />
    public override double Compute() => Compute(Counts, Averaging);

    /// <summary>F1 from <paramref name="counts"/>, averaged as <paramref name="averaging"/> says (see the remarks on <see cref="F1Score"/>).</summary>
    public static double Compute(ConfusionCounts counts, Averaging averaging)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return averaging switch
        {
            Averaging.Micro => ConfusionCounts.F1(counts.TotalTruePositives, counts.TotalFalsePositives, counts.TotalFalseNegatives),
            Averaging.Macro => Macro(counts),
            Averaging.Weighted => Weighted(counts),
            _ => throw new ArgumentOutOfRangeException(nameof(averaging), averaging, "Unknown averaging."),
        };
    }

    private static double Macro(ConfusionCounts counts)
    {
        double sum = 0;
        int defined = 0;
        for (int l = 0; l < counts.LabelCount; l++)
        {
            double f1 = counts.F1(l);
            if (double.IsNaN(f1)) continue;
            sum += f1;
            defined++;
        }
        return defined == 0 ? double.NaN : sum / defined;
    }

    private static double Weighted(ConfusionCounts counts)
    {
        double sum = 0;
        long support = 0;
        for (int l = 0; l < counts.LabelCount; l++)
        {
            long s = counts.Support(l);
            if (s == 0) continue;
            sum += counts.F1(l) * s;
            support += s;
        }
        return support == 0 ? double.NaN : sum / support;
    }
}
