using MultiLabel.Data;
using MultiLabel.Inference;
using MultiLabel.Reporting;
using SkiaSharp;

namespace MultiLabel.Tests.Reporting;

public class HeatMapOverlayTests
{
    /// <summary>A 32×32 map lit only in its bottom-right quadrant.</summary>
    private static HeatMap BottomRight(string label = "dress", float score = 0.93f)
    {
        var values = new float[32 * 32];
        for (int y = 16; y < 32; y++)
            for (int x = 16; x < 32; x++) values[y * 32 + x] = 1;
        return new HeatMap(label, score, 32, 32, values);
    }

    [Fact]
    public void Keeps_the_original_size_and_colours_only_where_the_evidence_is()
    {
        string image = TestData.BadInput("black_dress/ok_1.jpg");
        byte[] source = File.ReadAllBytes(image);
        using var original = ImageDecoder.DecodeOriented(source);

        byte[] png = HeatMapOverlay.Render(source, BottomRight());
        using var overlay = SKBitmap.Decode(png);

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal((original.Width, original.Height), (overlay.Width, overlay.Height));
        // The lit quadrant turns pale yellow (the top of the scale); the top-right corner, with no evidence, keeps its pixels nearly as they were.
        var hot = overlay.GetPixel(overlay.Width * 7 / 8, overlay.Height * 7 / 8);
        var before = original.GetPixel(original.Width * 7 / 8, original.Height / 8);
        var cold = overlay.GetPixel(overlay.Width * 7 / 8, overlay.Height / 8);
        Assert.True(hot.Red > 150 && hot.Green > 150 && hot.Blue < hot.Green, $"hot pixel {hot}");
        Assert.True(Math.Abs(cold.Red - before.Red * 0.88) < 20 && Math.Abs(cold.Green - before.Green * 0.88) < 20, $"cold pixel {cold} from {before}");
    }

    [Fact]
    public void Writes_the_label_and_score_on_a_dark_band_at_the_top_left()
    {
        byte[] source = File.ReadAllBytes(TestData.BadInput("black_dress/ok_1.jpg"));

        using var overlay = SKBitmap.Decode(HeatMapOverlay.Render(source, BottomRight()));

        int white = 0;
        for (int y = 0; y < overlay.Height / 8; y++)
            for (int x = 0; x < overlay.Width / 3; x++)
                if (overlay.GetPixel(x, y) is { Red: > 230, Green: > 230, Blue: > 230 }) white++;
        Assert.True(white > 20, $"white caption text at the top left ({white} white pixels)");
    }

    [Fact]
    public void Fits_into_a_largest_side_when_asked_and_saves_atomically()
    {
        using var folder = TestData.NewTempFolder();
        string target = folder.Combine("out", "photo.dress.png");
        Directory.CreateDirectory(folder.Combine("out"));

        HeatMapOverlay.Save(TestData.BadInput("black_dress/ok_1.jpg"), BottomRight(), target, maxSide: 50);

        using var saved = SKBitmap.Decode(target);
        Assert.Equal(50, Math.Max(saved.Width, saved.Height));
        Assert.Equal(["photo.dress.png"], Directory.GetFiles(folder.Combine("out")).Select(Path.GetFileName));
        Assert.Throws<ImageDecodeException>(() => HeatMapOverlay.Save(TestData.BadInput("black_pants/text_a.jpg"), BottomRight(), folder.Combine("x.png")));
    }
}
