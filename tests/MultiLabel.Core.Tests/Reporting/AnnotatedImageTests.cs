using MultiLabel.Data;
using MultiLabel.Inference;
using MultiLabel.Reporting;
using SkiaSharp;

namespace MultiLabel.Tests.Reporting;

public class AnnotatedImageTests
{
    private static readonly Prediction BlackDress = new("x.jpg", ["black", "dress"],
        new Dictionary<string, float> { ["black"] = 0.9821f, ["dress"] = 0.9547f, ["red"] = 0.012f });

    [Fact]
    public void Writes_each_label_with_its_percentage_like_the_tutorial()
    {
        Assert.Equal(["black: 98.21%", "dress: 95.47%"], AnnotatedImage.Lines(BlackDress));
        var unsure = new Prediction("y.jpg", [], new Dictionary<string, float> { ["black"] = 0.3f, ["red"] = 0.012f });
        Assert.Equal(["no label", "(best black: 30.00%)"], AnnotatedImage.Lines(unsure));
    }

    [Fact]
    public void Draws_the_text_at_the_top_left_of_a_copy_scaled_to_400_pixels_wide()
    {
        byte[] source = File.ReadAllBytes(TestData.BadInput("black_dress/ok_1.jpg"));
        using var original = SKBitmap.Decode(source);

        using var annotated = SKBitmap.Decode(AnnotatedImage.Render(source, BlackDress));
        using var plain = SKBitmap.Decode(AnnotatedImage.Render(source, BlackDress with { Labels = [], Scores = new Dictionary<string, float>() }));

        Assert.Equal(AnnotatedImage.Width, annotated.Width);
        Assert.Equal(Math.Round((double)original.Height * 400 / original.Width), annotated.Height, 0);
        Assert.True(GreenPixels(annotated, new SKRectI(0, 0, 200, 60)) > 100, "green label text at the top left");
        Assert.True(GreenPixels(annotated, new SKRectI(0, 30, 200, 60)) > GreenPixels(plain, new SKRectI(0, 30, 200, 60)), "a second line for the second label");
        Assert.Equal(0, GreenPixels(annotated, new SKRectI(200, annotated.Height - 100, 400, annotated.Height)));
    }

    [Fact]
    public void Saves_png_for_png_names_and_refuses_what_is_not_an_image()
    {
        using var folder = TestData.NewTempFolder();

        AnnotatedImage.Save(TestData.BadInput("black_dress/alpha_a.png"), BlackDress, folder.Combine("out", "a.png"));
        AnnotatedImage.Save(TestData.BadInput("black_shoes/webp_a.webp"), BlackDress, folder.Combine("out", "b.jpg"));

        Assert.Equal(ImageFormat.Png, ImageFormatSniffer.Detect(folder.Combine("out", "a.png"), out _));
        Assert.Equal(ImageFormat.Jpeg, ImageFormatSniffer.Detect(folder.Combine("out", "b.jpg"), out _));
        Assert.Throws<ImageDecodeException>(() => AnnotatedImage.Save(TestData.BadInput("black_pants/text_a.jpg"), BlackDress, folder.Combine("out", "c.jpg")));
        Assert.False(File.Exists(folder.Combine("out", "c.jpg")));
    }

    [Fact]
    public void Same_named_files_from_different_folders_get_different_output_names()
    {
        string[] sources =
        [
            TestData.BadInput("black_dress/ok_1.jpg"),
            TestData.BadInput("black_pants/ok_1.jpg"),
            TestData.BadInput("black_shoes/nested/deeper_a.jpg"),
            TestData.BadInput("black_shoes/anim_a.gif"),
        ];

        var outputs = AnnotatedImage.OutputPaths(sources, "/out");

        Assert.Equal(["/out/black_dress/ok_1.annotated.jpg", "/out/black_pants/ok_1.annotated.jpg", "/out/black_shoes/nested/deeper_a.annotated.jpg",
            "/out/black_shoes/anim_a.gif.annotated.png"], outputs);
        Assert.Equal(["/out/a.annotated.jpg", "/out/a.annotated-2.jpg"], AnnotatedImage.OutputPaths(["/data/a.jpg", "/data/a.jpg"], "/out"));
    }

    private static int GreenPixels(SKBitmap bitmap, SKRectI area)
    {
        int count = 0;
        for (int y = area.Top; y < Math.Min(area.Bottom, bitmap.Height); y++)
            for (int x = area.Left; x < Math.Min(area.Right, bitmap.Width); x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Green > 180 && c.Red < 100 && c.Blue < 100) count++;
            }
        return count;
    }
}
