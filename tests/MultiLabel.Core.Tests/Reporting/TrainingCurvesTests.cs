using MultiLabel.Reporting;
using MultiLabel.Training;
using SkiaSharp;

namespace MultiLabel.Tests.Reporting;

public class TrainingCurvesTests
{
    [Fact]
    public void Writes_loss_and_accuracy_pictures_with_visible_curves()
    {
        using var folder = TestData.NewTempFolder();
        var epochs = Enumerable.Range(1, 5).Select(e => new EpochRecord(e,
        [
            new("epoch", e), new("loss", 1.0 / e), new("val_loss", 1.2 / e), new("binary_accuracy", 0.8 + e * 0.02),
            new("val_binary_accuracy", 0.78 + e * 0.02), new("val_exact_match", 0.5 + e * 0.05),
        ])).ToArray();

        TrainingCurves.Save(epochs, folder.Path);

        foreach (string name in new[] { "loss.png", "accuracy.png" })
        {
            using var bitmap = SKBitmap.Decode(folder.Combine(name));
            Assert.Equal((TrainingCurves.Width, TrainingCurves.Height), (bitmap.Width, bitmap.Height));
            // Curves are drawn in ScottPlot's colours: count strongly coloured pixels.
            int coloured = 0;
            for (int y = 0; y < bitmap.Height; y += 2)
                for (int x = 0; x < bitmap.Width; x += 2)
                {
                    var c = bitmap.GetPixel(x, y);
                    if (Math.Max(c.Red, Math.Max(c.Green, c.Blue)) - Math.Min(c.Red, Math.Min(c.Green, c.Blue)) > 80) coloured++;
                }
            Assert.True(coloured > 200, $"{name} shows only {coloured} coloured pixels");
        }
    }
}
