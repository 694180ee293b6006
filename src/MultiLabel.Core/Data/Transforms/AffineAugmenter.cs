using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace MultiLabel.Data.Transforms;

/// <summary>
/// Keras' <c>ImageDataGenerator</c> affine augmentation (rotation, shift, shear, zoom, horizontal flip,
/// <c>fill_mode="nearest"</c>, bilinear interpolation), done for a whole batch with one
/// <c>affine_grid</c> and one <c>grid_sample</c>.
/// </summary>
/// <remarks>
/// <para>
/// Semantics are those of keras-preprocessing's <c>apply_affine_transform</c> with
/// <c>scipy.ndimage.affine_transform</c>: in (row, column) pixel-index coordinates the matrix
/// T = Rotation · Shift · Shear · Zoom, taken about the centre o = size / 2 − 0.5, maps each OUTPUT pixel
/// to the INPUT position it reads; that position is sampled bilinearly, and positions outside the image
/// read the nearest edge pixel. The horizontal flip comes after the warp.
/// </para>
/// <para>
/// Keras versions differ here: keras-preprocessing up to 1.1.2 centred at size / 2 + 0.5 (one pixel off, fixed
/// later), and later Keras swaps the matrix's two axes so that Tx acts on columns. This class keeps the
/// (row, column) reading with the corrected centre.
/// </para>
/// <para>
/// Random draws, per image in batch order, always seven of them whatever the options (a switched-off
/// component draws from an empty range and gets its neutral value): θ, Tx, Ty, shear, Zx, Zy, then one
/// uniform number u with flip = u &lt; 0.5 — Keras' order. The stream's position after a batch therefore
/// depends only on the batch size.
/// </para>
/// </remarks>
public sealed class AffineAugmenter
{
    /// <summary>How many numbers <see cref="Sample"/> draws from the stream per image.</summary>
    public const int DrawsPerImage = 7;

    /// <summary>Creates an augmenter drawing transforms within <paramref name="options"/>.</summary>
    public AffineAugmenter(AugmentationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    /// <summary>The ranges transforms are drawn from.</summary>
    public AugmentationOptions Options { get; }

    /// <summary>
    /// Draws one image's transform from <paramref name="random"/> (exactly <see cref="DrawsPerImage"/> draws,
    /// in the order given on the class); shifts are scaled by the image's <paramref name="height"/> and <paramref name="width"/>.
    /// </summary>
    public AffineParameters Sample(RandomSource random, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(random);
        var o = Options;
        double theta = random.Uniform(-o.RotationDegrees, o.RotationDegrees);
        double tx = random.Uniform(-o.HeightShift, o.HeightShift) * height;
        double ty = random.Uniform(-o.WidthShift, o.WidthShift) * width;
        double shear = random.Uniform(-o.ShearDegrees, o.ShearDegrees);
        double zx = random.Uniform(1 - o.Zoom, 1 + o.Zoom);
        double zy = random.Uniform(1 - o.Zoom, 1 + o.Zoom);
        bool flip = random.NextDouble() < 0.5;
        return new AffineParameters(theta, tx, ty, shear, zx, zy, flip && o.HorizontalFlip);
    }

    /// <summary>
    /// Augments a float batch <c>[B, C, H, W]</c> with one random transform per image drawn from
    /// <paramref name="random"/>; returns a new tensor of the same shape (the input is left as it was).
    /// </summary>
    public Tensor Apply(Tensor batch, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        CheckBatch(batch);
        int height = (int)batch.shape[2], width = (int)batch.shape[3];
        var parameters = new AffineParameters[batch.shape[0]];
        for (int i = 0; i < parameters.Length; i++) parameters[i] = Sample(random, height, width);
        return Apply(batch, parameters);
    }

    /// <summary>
    /// Applies <paramref name="parameters"/>[i] to image i of the float batch <c>[B, C, H, W]</c>; returns a new
    /// tensor of the same shape, a plain copy when every transform is the identity.
    /// </summary>
    public static Tensor Apply(Tensor batch, IReadOnlyList<AffineParameters> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        CheckBatch(batch);
        long count = batch.shape[0];
        if (parameters.Count != count)
            throw new ArgumentException($"The batch holds {count} images but {parameters.Count} transforms were given; give one per image.", nameof(parameters));
        if (parameters.All(p => p.IsIdentity)) return batch.clone();

        int height = (int)batch.shape[2], width = (int)batch.shape[3];
        var thetas = new double[count * 6];
        for (int i = 0; i < count; i++)
            GridTheta(PixelMatrix(parameters[i], height, width), height, width, thetas.AsSpan(i * 6, 6));

        using var scope = NewDisposeScope();
        var theta = tensor(thetas, [count, 2, 3], dtype: batch.dtype, device: batch.device);
        var grid = affine_grid(theta, batch.shape, align_corners: true);
        var output = grid_sample(batch, grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Border, align_corners: true);
        return output.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Keras' transform matrix for explicit parameters, offset about the centre of a <paramref name="height"/> ×
    /// <paramref name="width"/> image: a 3×3 affine map from an OUTPUT pixel (row, column, 1) to the INPUT
    /// position (row, column, 1) it reads, as <c>scipy.ndimage.affine_transform</c> uses it. Angles in degrees,
    /// shifts in pixels, <paramref name="tx"/> along rows and <paramref name="ty"/> along columns.
    /// </summary>
    public static double[,] PixelMatrix(double theta, double tx, double ty, double shear, double zx, double zy, int height, int width)
    {
        double t = double.DegreesToRadians(theta), s = double.DegreesToRadians(shear);
        double[,] rotation = { { Math.Cos(t), -Math.Sin(t), 0 }, { Math.Sin(t), Math.Cos(t), 0 }, { 0, 0, 1 } };
        double[,] shift = { { 1, 0, tx }, { 0, 1, ty }, { 0, 0, 1 } };
        double[,] shearing = { { 1, -Math.Sin(s), 0 }, { 0, Math.Cos(s), 0 }, { 0, 0, 1 } };
        double[,] zoom = { { zx, 0, 0 }, { 0, zy, 0 }, { 0, 0, 1 } };
        double[,] transform = Multiply(Multiply(Multiply(rotation, shift), shearing), zoom);

        double oRow = height / 2.0 - 0.5, oCol = width / 2.0 - 0.5;
        double[,] toCentre = { { 1, 0, oRow }, { 0, 1, oCol }, { 0, 0, 1 } };
        double[,] fromCentre = { { 1, 0, -oRow }, { 0, 1, -oCol }, { 0, 0, 1 } };
        return Multiply(Multiply(toCentre, transform), fromCentre);
    }

    /// <summary>
    /// The whole output→input pixel map of <paramref name="parameters"/> (as the other overload), with the
    /// horizontal flip after the warp folded in: output (r, c) reads the warped image at (r, width − 1 − c).
    /// </summary>
    public static double[,] PixelMatrix(AffineParameters parameters, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var p = parameters;
        var warp = PixelMatrix(p.Theta, p.Tx, p.Ty, p.Shear, p.Zx, p.Zy, height, width);
        if (!p.FlipHorizontal) return warp;
        double[,] flip = { { 1, 0, 0 }, { 0, -1, width - 1 }, { 0, 0, 1 } };
        return Multiply(warp, flip);
    }

    /// <summary>
    /// Converts a (row, column) pixel map into <c>affine_grid</c>'s 2×3 theta, which maps normalised OUTPUT
    /// (x = column, y = row) to normalised INPUT coordinates. With <c>align_corners: true</c> ±1 are the centres
    /// of the corner pixels, so pixel index i is normalised as u = a·i − 1 with a = 2 / (n − 1) — the same
    /// pixel-centre indices scipy interpolates on; border padding clamps the index to [0, n − 1], which is
    /// scipy's <c>mode="nearest"</c>. For n = 1 any scale works (the index always clamps to 0).
    /// </summary>
    private static void GridTheta(double[,] m, int height, int width, Span<double> theta)
    {
        double ac = width > 1 ? 2.0 / (width - 1) : 2.0, ar = height > 1 ? 2.0 / (height - 1) : 2.0;
        // column_in = m10·row + m11·col + m12, row_in = m00·row + m01·col + m02, with col = (x + 1)/ac, row = (y + 1)/ar.
        theta[0] = m[1, 1];
        theta[1] = m[1, 0] * ac / ar;
        theta[2] = m[1, 1] + m[1, 0] * ac / ar + ac * m[1, 2] - 1;
        theta[3] = m[0, 1] * ar / ac;
        theta[4] = m[0, 0];
        theta[5] = m[0, 0] + m[0, 1] * ar / ac + ar * m[0, 2] - 1;
    }

    private static void CheckBatch(Tensor batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.ndim != 4)
            throw new ArgumentException($"Augmentation takes a batch [B, C, H, W]; got a tensor of shape [{string.Join(", ", batch.shape)}].", nameof(batch));
        if (!is_floating_point(batch))
            throw new ArgumentException($"Augmentation takes floating-point pixels; got {batch.dtype}. Convert the batch (e.g. to float32) first.", nameof(batch));
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        var product = new double[3, 3];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                product[i, j] = a[i, 0] * b[0, j] + a[i, 1] * b[1, j] + a[i, 2] * b[2, j];
        return product;
    }
}
