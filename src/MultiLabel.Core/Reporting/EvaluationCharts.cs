using MultiLabel.Metrics;
using ScottPlot;

namespace MultiLabel.Reporting;

/// <summary>The pictures of an evaluation report, as PNG bytes: per-label bars and precision–recall curves.</summary>
internal static class EvaluationCharts
{
    private static readonly (string Name, Color Color)[] Series =
    [
        ("precision", Color.FromHex("#4C72B0")),
        ("recall", Color.FromHex("#DD8452")),
        ("F1", Color.FromHex("#55A868")),
    ];

    /// <summary>Precision, recall and F1 of every label as grouped bars (an undefined F1 is drawn as 0).</summary>
    public static byte[] LabelBars(IReadOnlyList<LabelResult> labels)
    {
        var plot = new Plot();
        PlotFonts.Apply(plot);
        var bars = new List<Bar>();
        for (int l = 0; l < labels.Count; l++)
        {
            double[] values = [labels[l].Precision, labels[l].Recall, labels[l].F1];
            for (int s = 0; s < Series.Length; s++)
                bars.Add(new Bar
                {
                    Position = l * (Series.Length + 1) + s,
                    Value = double.IsNaN(values[s]) ? 0 : values[s],
                    FillColor = Series[s].Color,
                    LineWidth = 0,
                });
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(
            labels.Select((_, l) => l * (Series.Length + 1) + (Series.Length - 1) / 2.0).ToArray(),
            labels.Select(l => l.Label).ToArray());
        plot.Axes.Bottom.TickLabelStyle.FontSize = 14;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        bool rotate = labels.Count > 16 || labels.Max(l => l.Label.Length) > 10;
        if (rotate)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
            plot.Axes.Bottom.MinimumSize = 12 + 9 * labels.Max(l => l.Label.Length);
        }
        plot.Axes.SetLimits(-1, labels.Count * (Series.Length + 1) - 1, 0, 1.05);
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        plot.YLabel("score", 15);
        foreach (var (name, color) in Series)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = name, FillColor = color });
        plot.Legend.FontSize = 14;
        plot.ShowLegend(Edge.Right);
        int width = Math.Clamp(220 + labels.Count * 72, 700, 2400);
        return plot.GetImageBytes(width, 420, ImageFormat.Png);
    }

    /// <summary>One label's precision–recall curve as a step line, titled with its average precision.</summary>
    public static byte[] PrecisionRecall(string label, PrecisionRecallCurve curve, double averagePrecision, double threshold)
    {
        var plot = new Plot();
        PlotFonts.Apply(plot);
        // Recall falls as the threshold rises: draw from recall 0 up to 1, stepping like scikit-learn's PrecisionRecallDisplay.
        double[] recall = curve.Recall.Reverse().ToArray();
        double[] precision = curve.Precision.Reverse().ToArray();
        var line = plot.Add.Scatter(recall, precision, Color.FromHex("#4C72B0"));
        line.ConnectStyle = ConnectStyle.StepVertical;
        line.LineWidth = 2;
        line.MarkerSize = 0;
        int at = OperatingPoint(curve, threshold);
        if (at >= 0)
        {
            var point = plot.Add.Scatter(curve.Recall[at], curve.Precision[at], Color.FromHex("#C44E52"));
            point.MarkerSize = 9;
        }
        plot.Title($"{label}  (AP {averagePrecision:F3})", 14);
        plot.XLabel("recall", 12);
        plot.YLabel("precision", 12);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 11;
        plot.Axes.Left.TickLabelStyle.FontSize = 11;
        plot.Axes.SetLimits(-0.02, 1.02, -0.02, 1.05);
        return plot.GetImageBytes(340, 280, ImageFormat.Png);
    }

    /// <summary>The curve point of the lowest curve threshold at or above <paramref name="threshold"/>, i.e. the decisions the model makes; -1 when no score reaches it.</summary>
    private static int OperatingPoint(PrecisionRecallCurve curve, double threshold)
    {
        for (int k = 0; k < curve.Thresholds.Count; k++)
            if (curve.Thresholds[k] >= threshold) return k;
        return -1;
    }
}
