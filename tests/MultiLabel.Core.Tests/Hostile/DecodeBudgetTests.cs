using System.Diagnostics;
using MultiLabel.Data;
using SkiaSharp;

namespace MultiLabel.Tests.Hostile;

/// <summary>Issue 14, item 3: images are refused from the size their header declares, before any pixel memory is allocated.</summary>
public class DecodeBudgetTests
{
    [Fact]
    public void A_png_declaring_13000_squared_is_refused_from_its_header()
    {
        byte[] bomb = HostileImages.PngDeclaring(13_000, 13_000);

        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(bomb, 128, 128));

        Assert.True(bomb.Length < 10_000, $"the bomb is {bomb.Length} bytes");
        Assert.True(error.OverBudget);
        Assert.Equal("its header declares 13000×13000 pixels, which is more than the 40 megapixels decoded per image; " +
                     "it is refused as a likely decompression bomb: downscale it, or raise the pixel budget", error.Message);
    }

    [Fact]
    public void A_jpeg_declaring_65500_squared_is_refused_from_its_header()
    {
        byte[] bomb = HostileImages.JpegDeclaring(65_500, 65_500);
        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(bomb, 128, 128)); // its time: bench/hostile.sh

        Assert.True(bomb.Length < 4096, $"the bomb is {bomb.Length} bytes");
        Assert.Equal("its header declares 65500×65500 pixels, which even decoded at 8188×8188 is more than the 40 megapixels decoded per image; " +
                     "it is refused as a likely decompression bomb: downscale it, or raise the pixel budget", error.Message);
    }

    [Fact]
    public void The_budget_counts_pixels_after_the_jpeg_downscale_the_codec_allows()
    {
        // 20,000 × 16,000 is 320 MP, but at 1/8 scale it is 2,500 × 2,000 = 5 MP: within the default budget, under a 4 MP one.
        byte[] jpeg = HostileImages.JpegDeclaring(20_000, 16_000);

        var refused = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(jpeg, 128, 128, maxPixels: 4_000_000));
        var accepted = Record.Exception(() => ImageDecoder.Decode(jpeg, 128, 128));

        Assert.Contains("even decoded at 2500×2000 is more than the 4 megapixels", refused.Message);
        Assert.False(accepted is ImageDecodeException { OverBudget: true }, accepted?.Message); // past the budget; the stub data may still be short
    }

    [Fact]
    public void A_budget_refusal_is_not_remembered_by_the_cache_so_a_larger_budget_decodes_the_image()
    {
        using var folder = TestData.NewTempFolder();
        string image = folder.Combine("red_dress", "wide.png");
        Directory.CreateDirectory(Path.GetDirectoryName(image)!);
        File.WriteAllBytes(image, HostileImages.Png(300, 200, new SKColor(220, 30, 30)));
        var cache = new ImageCache(folder.Combine("cache"));
        var record = new ImageRecord(image, ["dress", "red"]);

        var small = cache.Load([record], 32, 32, maxPixels: 10_000);
        var large = cache.Load([record], 32, 32);

        Assert.Contains("300×200 pixels", Assert.Single(small.Failed).Reason);
        Assert.Equal(1, large.Count);
    }

    [Fact]
    public void A_device_is_never_read_as_an_image()
    {
        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode("/dev/zero", 32, 32));

        Assert.Equal("is a character device, not an image file", error.Message);
    }

    [Fact]
    public void A_file_larger_than_any_image_within_the_budget_is_refused_unread()
    {
        using var folder = TestData.NewTempFolder();
        string path = folder.Combine("huge.bmp");
        using (var file = File.Create(path)) file.SetLength(ImageDecoder.MaxFileBytes(1_000_000) + 1); // sparse: no disk used

        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(path, 32, 32, maxPixels: 1_000_000));

        Assert.Equal("is 5 MB, more than an image within the pixel budget can be (5 MB); it is refused unread", error.Message);
    }
}
