namespace MultiLabel.Data.Transforms;

/// <summary>
/// One image's transform, named and measured exactly as Keras' <c>ImageDataGenerator.get_random_transform</c>
/// returns it. Keras works in (row, column) coordinates, so <c>x</c> means rows and <c>y</c> columns:
/// <see cref="Tx"/> and <see cref="Zx"/> act along the height, <see cref="Ty"/> and <see cref="Zy"/> along the width.
/// <see cref="AffineAugmenter.PixelMatrix(AffineParameters, int, int)"/> turns these into the output→input pixel map.
/// </summary>
/// <param name="Theta">Rotation angle in degrees.</param>
/// <param name="Tx">Shift along the rows in pixels: output row r reads input row r + Tx, so a positive value moves the content up.</param>
/// <param name="Ty">Shift along the columns in pixels: output column c reads input column c + Ty, so a positive value moves the content left.</param>
/// <param name="Shear">Shear angle in degrees.</param>
/// <param name="Zx">Zoom factor along the rows: output row r reads input row o + Zx·(r − o) about the centre o; above 1 shrinks the content.</param>
/// <param name="Zy">Zoom factor along the columns, as <paramref name="Zx"/> for columns.</param>
/// <param name="FlipHorizontal">Mirror left–right after the warp.</param>
public sealed record AffineParameters(
    double Theta = 0, double Tx = 0, double Ty = 0, double Shear = 0, double Zx = 1, double Zy = 1, bool FlipHorizontal = false)
{
    /// <summary>The transform that changes nothing.</summary>
    public static AffineParameters Identity { get; } = new();

    /// <summary>True when the transform maps every pixel onto itself.</summary>
    public bool IsIdentity => Theta == 0 && Tx == 0 && Ty == 0 && Shear == 0 && Zx == 1 && Zy == 1 && !FlipHorizontal;
}
