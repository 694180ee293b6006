using MultiLabel.Data;

namespace MultiLabel.Tests.Data;

public class ImageFormatSnifferTests
{
    [Theory]
    [InlineData("black_shirt/really_jpeg_named_a.gif", ImageFormat.Jpeg)]
    [InlineData("black_dress/alpha_a.png", ImageFormat.Png)]
    [InlineData("black_shoes/anim_a.gif", ImageFormat.Gif)]
    [InlineData("black_shoes/bitmap_a.bmp", ImageFormat.Bmp)]
    [InlineData("black_shoes/webp_a.webp", ImageFormat.WebP)]
    [InlineData("black_pants/text_a.jpg", ImageFormat.Unknown)]
    public void Recognises_formats_by_their_bytes_not_their_extension(string file, ImageFormat expected)
    {
        Assert.Equal(expected, ImageFormatSniffer.Detect(TestData.BadInput(file), out _));
    }

    [Fact]
    public void Tiff_is_recognised_and_explained_as_unsupported()
    {
        Assert.Equal(ImageFormat.Tiff, ImageFormatSniffer.Detect("II*\0\u0008\0\0\0"u8));
        Assert.Contains("convert it to JPEG or PNG", ImageFormatSniffer.DescribeNonImage("II*\0\u0008\0\0\0"u8));
    }
}
