using MultiLabel.Files;
using MultiLabel.Training;

namespace MultiLabel.Reporting;

/// <summary>Draws a run's curves: <c>loss.png</c> (training and validation loss) and <c>accuracy.png</c> (binary accuracy and validation exact match).</summary>
public static class TrainingCurves
{
    /// <summary>Width of each picture in pixels.</summary>
    public const int Width = 900;

    /// <summary>Height of each picture in pixels.</summary>
    public const int Height = 560;

    /// <summary>Writes <c>loss.png</c> and <c>accuracy.png</c> of <paramref name="epochs"/> into <paramref name="folder"/>, atomically.</summary>
    public static void Save(IReadOnlyList<EpochRecord> epochs, string folder)
    {
        Draw(epochs, Path.Combine(folder, "loss.png"), "Loss (binary cross-entropy)", "loss",
            [("training loss", "loss"), ("validation loss", "val_loss")]);
        Draw(epochs, Path.Combine(folder, "accuracy.png"), "Accuracy", "accuracy",
            [("training binary accuracy", "binary_accuracy"), ("validation binary accuracy", "val_binary_accuracy"),
             ("validation exact match", "val_exact_match")]);
    }

    private static void Draw(IReadOnlyList<EpochRecord> epochs, string path, string title, string yLabel, (string Legend, string Column)[] series)
    {
        var plot = new ScottPlot.Plot();
        PlotFonts.Apply(plot);
        double[] x = epochs.Select(e => (double)e.Epoch).ToArray();
        foreach (var (legend, column) in series)
        {
            double[] y = epochs.Select(e => e[column]).ToArray();
            if (y.All(double.IsNaN)) continue;
            var line = plot.Add.Scatter(x, y);
            line.LegendText = legend;
            line.LineWidth = 2;
            line.MarkerSize = epochs.Count > 60 ? 0 : 6;
        }
        plot.Title(title, 20);
        plot.XLabel("epoch", 16);
        plot.YLabel(yLabel, 16);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 14;
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        plot.Legend.FontSize = 14;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.ShowLegend(ScottPlot.Edge.Bottom);
        if (x.Length == 1) plot.Axes.SetLimitsX(0.5, 1.5);
        AtomicFile.Write(path, stream =>
        {
            byte[] png = plot.GetImageBytes(Width, Height, ScottPlot.ImageFormat.Png);
            stream.Write(png);
        });
    }
}
