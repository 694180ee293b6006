using MultiLabel.Data;

namespace MultiLabel.Tests.Data;

public class ImageDecoderTests
{
    private const int Size = 32;

    // Every "_a" file in bad-inputs is the same photo, saved in another way.
    private static readonly DecodedImage Reference = ImageDecoder.Decode(TestData.BadInput("black_shirt/really_jpeg_named_a.gif"), Size, Size);

    [Theory]
    [InlineData("black_dress/as_png_a.png")]
    [InlineData("black_shoes/webp_a.webp")]
    [InlineData("black_shoes/bitmap_a.bmp")]
    [InlineData("black_shoes/anim_a.gif")]
    [InlineData("black_shoes/nested/deeper_a.jpg")]
    [InlineData("black_shirt/UPPER_a.JPG")]
    [InlineData("black_pants/cmyk_a.jpg")]
    public void Each_format_decodes_to_the_same_upright_rgb_picture(string file)
    {
        var image = ImageDecoder.Decode(TestData.BadInput(file), Size, Size);

        Assert.Equal(3 * Size * Size, image.Pixels.Length);
        Assert.True(MeanAbsoluteDifference(image.Pixels, Reference.Pixels) < 12,
            $"{file} differs from the reference by {MeanAbsoluteDifference(image.Pixels, Reference.Pixels):F1} per channel");
    }

    [Fact]
    public void The_exif_orientation_is_applied()
    {
        // exif_rotated_a.jpg holds the photo stored a quarter turn clockwise and, despite its name,
        // no EXIF segment: it decodes as stored. Tagged with orientation 8 it must come out upright.
        byte[] sideways = File.ReadAllBytes(TestData.BadInput("black_shirt/exif_rotated_a.jpg"));
        var asStored = ImageDecoder.Decode(sideways, Size, Size);
        var tagged = ImageDecoder.Decode(WithExifOrientation(sideways, 8), Size, Size);
        var upsideDown = ImageDecoder.Decode(WithExifOrientation(sideways, 6), Size, Size);

        Assert.True(MeanAbsoluteDifference(tagged.Pixels, Reference.Pixels) < 12);
        Assert.True(MeanAbsoluteDifference(asStored.Pixels, Rotate90(Reference.Pixels, Size)) < 12);
        Assert.True(MeanAbsoluteDifference(upsideDown.Pixels, Reference.Pixels) > 40);
    }

    [Fact]
    public void Semi_transparent_png_keeps_its_stored_colours()
    {
        // alpha_a.png is the reference photo with alpha 154 everywhere; like cv2.imread, alpha is dropped.
        var image = ImageDecoder.Decode(TestData.BadInput("black_dress/alpha_a.png"), Size, Size);

        Assert.True(MeanAbsoluteDifference(image.Pixels, Reference.Pixels) < 12);
    }

    [Fact]
    public void Grayscale_becomes_three_equal_channels()
    {
        var image = ImageDecoder.Decode(TestData.BadInput("black_pants/gray_a.jpg"), Size, Size);

        int plane = Size * Size;
        for (int i = 0; i < plane; i++)
        {
            Assert.Equal(image.Pixels[i], image.Pixels[plane + i]);
            Assert.Equal(image.Pixels[i], image.Pixels[2 * plane + i]);
        }
    }

    [Theory]
    [InlineData("black_shoes/tiny_a.jpg")]
    [InlineData("black_shoes/huge_a.jpg")]
    public void Tiny_and_huge_images_are_resized_to_the_target(string file)
    {
        var image = ImageDecoder.Decode(TestData.BadInput(file), 48, 40);

        Assert.Equal(48, image.Width);
        Assert.Equal(40, image.Height);
        Assert.Equal(3 * 48 * 40, image.Pixels.Length);
        Assert.True(image.Pixels.Max() - image.Pixels.Min() > 20, "the picture should not be flat");
    }

    [Theory]
    [InlineData("black_dress/truncated_a.jpg", "truncated JPEG")]
    [InlineData("black_dress/empty_a.jpg", "empty file")]
    [InlineData("black_pants/text_a.jpg", "text")]
    [InlineData("black_pants/random_a.png", "not an image")]
    [InlineData("black_shirt/png_header_only_a.png", "corrupt PNG")]
    public void Broken_files_fail_with_a_reason(string file, string reason)
    {
        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(TestData.BadInput(file), Size, Size));

        Assert.Contains(reason, error.Message);
    }

    private static double MeanAbsoluteDifference(byte[] a, byte[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Average();

    /// <summary>Inserts an EXIF segment holding only an orientation tag after the JFIF header.</summary>
    private static byte[] WithExifOrientation(byte[] jpeg, byte orientation)
    {
        byte[] segment =
        [
            0xFF, 0xE1, 0x00, 0x22, (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
            (byte)'I', (byte)'I', 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00, // little-endian TIFF header, IFD0 at 8
            0x01, 0x00, // one entry
            0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, orientation, 0x00, 0x00, 0x00, // Orientation, SHORT
            0x00, 0x00, 0x00, 0x00, // no next IFD
        ];
        int afterApp0 = 4 + (jpeg[4] << 8 | jpeg[5]);
        return [.. jpeg[..afterApp0], .. segment, .. jpeg[afterApp0..]];
    }

    /// <summary>Turns a square planar image a quarter turn clockwise.</summary>
    private static byte[] Rotate90(byte[] planar, int size)
    {
        var turned = new byte[planar.Length];
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < size; y++)
                for (int x = 0; x < size; x++)
                    turned[c * size * size + x * size + (size - 1 - y)] = planar[c * size * size + y * size + x];
        return turned;
    }
}
