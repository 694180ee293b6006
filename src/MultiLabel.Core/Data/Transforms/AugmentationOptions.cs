namespace MultiLabel.Data.Transforms;

/// <summary>
/// The random affine augmentation of Keras' <c>ImageDataGenerator</c>, one range per component. The
/// defaults are the original recipe's <c>ImageDataGenerator(rotation_range=25, width_shift_range=0.1,
/// height_shift_range=0.1, shear_range=0.2, zoom_range=0.2, horizontal_flip=True, fill_mode="nearest")</c>.
/// A range of 0 switches its component off; every value is checked when it is set and a value out of
/// range throws a <see cref="SettingException"/> naming the property.
/// </summary>
public sealed record AugmentationOptions
{
    /// <summary>The original Keras recipe (the defaults of a new instance).</summary>
    public static AugmentationOptions Original { get; } = new();

    /// <summary>No augmentation at all: <see cref="AffineAugmenter"/> returns an unchanged copy of each batch.</summary>
    public static AugmentationOptions None { get; } = new()
    {
        RotationDegrees = 0, WidthShift = 0, HeightShift = 0, ShearDegrees = 0, Zoom = 0, HorizontalFlip = false,
    };

    /// <summary>Rotation angle drawn from U(−r, r) degrees (Keras <c>rotation_range</c>); 0 to 180.</summary>
    public double RotationDegrees
    {
        get;
        init => field = InRange(value, 0, 180, maxIncluded: true, nameof(RotationDegrees), "an angle in degrees");
    } = 25;

    /// <summary>
    /// Horizontal shift drawn from U(−s, s) × image width, along the columns (Keras <c>width_shift_range</c>,
    /// which becomes <see cref="AffineParameters.Ty"/>); a fraction of the width in [0, 1).
    /// </summary>
    public double WidthShift
    {
        get;
        init => field = InRange(value, 0, 1, maxIncluded: false, nameof(WidthShift), "a fraction of the image width (pixel counts ≥ 1 are not supported)");
    } = 0.1;

    /// <summary>
    /// Vertical shift drawn from U(−s, s) × image height, along the rows (Keras <c>height_shift_range</c>,
    /// which becomes <see cref="AffineParameters.Tx"/>); a fraction of the height in [0, 1).
    /// </summary>
    public double HeightShift
    {
        get;
        init => field = InRange(value, 0, 1, maxIncluded: false, nameof(HeightShift), "a fraction of the image height (pixel counts ≥ 1 are not supported)");
    } = 0.1;

    /// <summary>
    /// Shear angle drawn from U(−s, s) DEGREES (Keras <c>shear_range</c>, in degrees since Keras 2.2;
    /// earlier Keras read it as radians); 0 to below 90.
    /// </summary>
    public double ShearDegrees
    {
        get;
        init => field = InRange(value, 0, 90, maxIncluded: false, nameof(ShearDegrees), "an angle in degrees");
    } = 0.2;

    /// <summary>
    /// Zoom: the row and column factors are drawn independently from U(1 − z, 1 + z) (Keras <c>zoom_range</c>
    /// given as one number); factors above 1 show more of the image, smaller. In [0, 1).
    /// </summary>
    public double Zoom
    {
        get;
        init => field = InRange(value, 0, 1, maxIncluded: false, nameof(Zoom), "the half-width of the zoom factor range around 1");
    } = 0.2;

    /// <summary>Mirror left–right with probability 0.5, after the affine warp (Keras <c>horizontal_flip</c>).</summary>
    public bool HorizontalFlip { get; init; } = true;

    /// <summary>True when every component is off, so augmentation leaves images unchanged.</summary>
    public bool IsIdentity =>
        RotationDegrees == 0 && WidthShift == 0 && HeightShift == 0 && ShearDegrees == 0 && Zoom == 0 && !HorizontalFlip;

    private static double InRange(double value, double min, double max, bool maxIncluded, string name, string meaning)
    {
        bool ok = value >= min && (maxIncluded ? value <= max : value < max);
        if (!ok)
            throw new SettingException(name,
                $"{name} is {meaning} and must be in [{min}, {max}{(maxIncluded ? "]" : ")")}; got {value}. Use 0 to switch it off.");
        return value;
    }
}
