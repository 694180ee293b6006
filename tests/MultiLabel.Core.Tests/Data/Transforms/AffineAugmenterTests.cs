using MultiLabel.Data;
using MultiLabel.Data.Transforms;
using MultiLabel.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace MultiLabel.Tests.Data.Transforms;

public class AffineAugmenterTests
{
    public AffineAugmenterTests() => TorchRuntime.EnsureLoaded();

    [Fact]
    public void Shift_tx_reads_one_row_further_down_so_the_content_moves_up()
    {
        using var image = Dot(7, 7, row: 3, col: 3);

        using var output = Warp(image, new AffineParameters(Tx: 1));

        Assert.Equal((2, 3), Brightest(output));
        using var right = Warp(image, new AffineParameters(Ty: 1));
        Assert.Equal((3, 2), Brightest(right));
    }

    [Fact]
    public void Rotation_by_90_degrees_maps_pixels_as_the_keras_matrix_says()
    {
        // Keras matrix about o = 3: row_in = 3 − (c − 3), col_in = 3 + (r − 3), so output (r, c) = input (6 − c, r).
        using var image = Dot(7, 7, row: 1, col: 2);

        using var output = Warp(image, new AffineParameters(Theta: 90));

        Assert.Equal((2, 5), Brightest(output));
        Assert.Equal(1f, output[0, 0, 2, 5].item<float>(), 1e-4f);
    }

    [Fact]
    public void Zoom_2_along_rows_samples_twice_as_far_from_the_centre()
    {
        using var image = Dot(7, 7, row: 5, col: 3);

        using var output = Warp(image, new AffineParameters(Zx: 2));

        Assert.Equal((4, 3), Brightest(output));
        Assert.Equal(1f, output[0, 0, 4, 3].item<float>(), 1e-4f);
    }

    [Fact]
    public void Shear_of_30_degrees_reads_the_hand_computed_position()
    {
        // On the ramp 10·row + col bilinear sampling is exact: output (3, 5) reads row 3 − sin 30°·2 = 2,
        // column 3 + cos 30°·2; output (4, 3) reads row 4, column 3.
        using var image = Ramp(7, 7);

        using var output = Warp(image, new AffineParameters(Shear: 30));

        Assert.Equal(20 + 3 + Math.Sqrt(3), output[0, 0, 3, 5].item<float>(), 1e-4);
        Assert.Equal(43, output[0, 0, 4, 3].item<float>(), 1e-4);
    }

    [Fact]
    public void Every_transform_together_matches_a_per_pixel_reference_on_a_non_square_image()
    {
        using var batch = torch.rand(new long[] { 3, 3, 6, 9 }, generator: new Generator(7));
        AffineParameters[] parameters =
        [
            new(Theta: 17, Tx: 0.6, Ty: -1.3, Shear: 11, Zx: 0.85, Zy: 1.15, FlipHorizontal: true),
            new(Theta: -25, Tx: -0.4, Ty: 0.9, Shear: -0.2, Zx: 1.2, Zy: 0.8),
            AffineParameters.Identity,
        ];

        using var output = AffineAugmenter.Apply(batch, parameters);

        for (int i = 0; i < parameters.Length; i++)
        {
            float[] expected = Reference(batch[i], AffineAugmenter.PixelMatrix(parameters[i], 6, 9));
            float[] actual = output[i].contiguous().data<float>().ToArray();
            for (int k = 0; k < expected.Length; k++) Assert.Equal(expected[k], actual[k], 1e-4f);
        }
    }

    [Fact]
    public void Identity_parameters_beside_a_real_transform_leave_their_image_as_it_was()
    {
        using var batch = torch.rand(new long[] { 2, 3, 5, 8 }, generator: new Generator(3));

        using var output = AffineAugmenter.Apply(batch, [new AffineParameters(Theta: 10), AffineParameters.Identity]);

        Assert.True(output[1].allclose(batch[1], rtol: 0, atol: 1e-6));
        Assert.False(output[0].allclose(batch[0], rtol: 0, atol: 1e-3));
    }

    [Fact]
    public void Shifting_past_the_edge_replicates_the_edge_instead_of_filling_zeros()
    {
        using var image = Ramp(5, 5) + 1;

        using var output = Warp(image, new AffineParameters(Tx: 2));

        // Rows read 2, 3, 4, then row 4 again twice: 10·4 + c + 1.
        for (int c = 0; c < 5; c++)
        {
            Assert.Equal(41 + c, output[0, 0, 3, c].item<float>(), 1e-4);
            Assert.Equal(41 + c, output[0, 0, 4, c].item<float>(), 1e-4);
        }
    }

    [Fact]
    public void The_horizontal_flip_comes_after_the_warp()
    {
        using var batch = torch.rand(new long[] { 1, 3, 6, 7 }, generator: new Generator(11));
        var warp = new AffineParameters(Theta: 20, Ty: 1.5, Shear: 8);

        using var flipped = AffineAugmenter.Apply(batch, [warp with { FlipHorizontal = true }]);
        using var warpThenFlip = AffineAugmenter.Apply(batch, [warp]).flip(3);
        using var flipThenWarp = AffineAugmenter.Apply(batch.flip(3), [warp]);

        Assert.True(flipped.allclose(warpThenFlip, rtol: 0, atol: 1e-5));
        Assert.False(flipped.allclose(flipThenWarp, rtol: 0, atol: 1e-3));
    }

    [Fact]
    public void About_half_of_the_draws_flip_and_every_draw_stays_in_its_range()
    {
        var augmenter = new AffineAugmenter(AugmentationOptions.Original);
        var random = new RandomSource(42);

        var draws = Enumerable.Range(0, 1000).Select(_ => augmenter.Sample(random, height: 50, width: 80)).ToList();

        Assert.InRange(draws.Count(p => p.FlipHorizontal), 440, 560);
        Assert.All(draws, p =>
        {
            Assert.InRange(p.Theta, -25, 25);
            Assert.InRange(p.Tx, -5, 5);
            Assert.InRange(p.Ty, -8, 8);
            Assert.InRange(p.Shear, -0.2, 0.2);
            Assert.InRange(p.Zx, 0.8, 1.2);
            Assert.InRange(p.Zy, 0.8, 1.2);
        });
        Assert.Contains(draws, p => Math.Abs(p.Zx - p.Zy) > 0.1);
        Assert.Contains(draws, p => p.Tx > 4.5);
        Assert.Contains(draws, p => p.Ty < -7.5);
    }

    [Fact]
    public void The_same_seed_gives_the_same_batch_and_the_stream_moves_seven_draws_per_image()
    {
        using var batch = torch.rand(new long[] { 4, 3, 16, 12 }, generator: new Generator(5));
        var augmenter = new AffineAugmenter(AugmentationOptions.Original);
        var first = new RandomSource(9);
        var second = new RandomSource(9);
        var skipped = new RandomSource(9);

        using var a = augmenter.Apply(batch, first);
        using var b = augmenter.Apply(batch, second);
        using var c = augmenter.Apply(batch, first);

        Assert.True(a.allclose(b, rtol: 0, atol: 0));
        Assert.False(a.allclose(c, rtol: 0, atol: 1e-3));
        for (int i = 0; i < 4 * AffineAugmenter.DrawsPerImage; i++) skipped.NextDouble();
        Assert.Equal(skipped.State, second.State);
    }

    [Fact]
    public void None_returns_an_unchanged_copy_but_still_advances_the_stream()
    {
        using var batch = torch.rand(new long[] { 2, 3, 8, 8 }, generator: new Generator(1));
        var random = new RandomSource(4);
        var before = random.State;

        using var output = new AffineAugmenter(AugmentationOptions.None).Apply(batch, random);

        Assert.True(output.allclose(batch, rtol: 0, atol: 0));
        Assert.NotEqual(batch.Handle, output.Handle);
        Assert.NotEqual(before, random.State);
    }

    [Fact]
    public void A_batch_that_is_not_float_BCHW_or_a_wrong_count_of_transforms_is_refused()
    {
        using var bytes = torch.zeros(new long[] { 1, 3, 4, 4 }, ScalarType.Byte);
        using var flat = torch.zeros(3, 4, 4);
        using var floats = torch.zeros(2, 3, 4, 4);
        var augmenter = new AffineAugmenter(AugmentationOptions.Original);

        Assert.Contains("floating-point", Assert.Throws<ArgumentException>(() => augmenter.Apply(bytes, new RandomSource(1))).Message);
        Assert.Contains("[B, C, H, W]", Assert.Throws<ArgumentException>(() => augmenter.Apply(flat, new RandomSource(1))).Message);
        Assert.Contains("one per image", Assert.Throws<ArgumentException>(() => AffineAugmenter.Apply(floats, [AffineParameters.Identity])).Message);
    }

    private static Tensor Warp(Tensor image, AffineParameters parameters) => AffineAugmenter.Apply(image, [parameters]);

    /// <summary>A [1, 1, h, w] image, 0 everywhere but 1 at (row, col).</summary>
    private static Tensor Dot(int h, int w, int row, int col)
    {
        var image = torch.zeros(1, 1, h, w);
        image[0, 0, row, col] = torch.tensor(1f);
        return image;
    }

    /// <summary>A [1, 1, h, w] image whose pixel (r, c) is 10·r + c.</summary>
    private static Tensor Ramp(int h, int w) =>
        (torch.arange(h, dtype: ScalarType.Float32).view(h, 1) * 10 + torch.arange(w, dtype: ScalarType.Float32)).view(1, 1, h, w);

    private static (int Row, int Col) Brightest(Tensor image)
    {
        long index = image[0, 0].argmax().item<long>();
        return ((int)(index / image.shape[3]), (int)(index % image.shape[3]));
    }

    /// <summary>
    /// The straightforward warp of one [C, H, W] image: each output pixel reads the input position the matrix
    /// gives, clamped to the image (edge replication), bilinearly.
    /// </summary>
    private static float[] Reference(Tensor image, double[,] m)
    {
        int channels = (int)image.shape[0], h = (int)image.shape[1], w = (int)image.shape[2];
        float[] input = image.contiguous().data<float>().ToArray();
        var output = new float[input.Length];
        for (int r = 0; r < h; r++)
            for (int c = 0; c < w; c++)
            {
                double ri = Math.Clamp(m[0, 0] * r + m[0, 1] * c + m[0, 2], 0, h - 1);
                double ci = Math.Clamp(m[1, 0] * r + m[1, 1] * c + m[1, 2], 0, w - 1);
                int r0 = (int)Math.Floor(ri), c0 = (int)Math.Floor(ci);
                int r1 = Math.Min(r0 + 1, h - 1), c1 = Math.Min(c0 + 1, w - 1);
                double fr = ri - r0, fc = ci - c0;
                for (int k = 0; k < channels; k++)
                {
                    double At(int y, int x) => input[(k * h + y) * w + x];
                    output[(k * h + r) * w + c] = (float)(
                        (1 - fr) * ((1 - fc) * At(r0, c0) + fc * At(r0, c1)) + fr * ((1 - fc) * At(r1, c0) + fc * At(r1, c1)));
                }
            }
        return output;
    }
}
