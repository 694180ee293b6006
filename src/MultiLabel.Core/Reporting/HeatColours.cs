using SkiaSharp;

namespace MultiLabel.Reporting;

/// <summary>
/// The colour scale of heat maps: a perceptually ordered ramp from deep purple through red and orange to pale yellow
/// (the shape of matplotlib's "inferno", approximated by eleven stops and straight lines between them), so "hotter"
/// reads as brighter in colour and in grey alike, and the scale survives colour-blind eyes and greyscale printing.
/// </summary>
internal static class HeatColours
{
    private static readonly (byte R, byte G, byte B)[] Stops =
    [
        (0, 0, 4), (22, 11, 57), (66, 10, 104), (106, 23, 110), (147, 38, 103), (188, 55, 84),
        (221, 81, 58), (243, 118, 27), (252, 165, 10), (246, 215, 70), (252, 255, 164),
    ];

    /// <summary>256 colours, index = value × 255.</summary>
    private static readonly SKColor[] Table = Enumerable.Range(0, 256).Select(i => Interpolate(i / 255.0)).ToArray();

    /// <summary>The colour of <paramref name="value"/> (clamped to 0–1).</summary>
    public static SKColor At(float value) => Table[(int)Math.Round(Math.Clamp(value, 0f, 1f) * 255)];

    private static SKColor Interpolate(double value)
    {
        double position = value * (Stops.Length - 1);
        int low = Math.Min((int)position, Stops.Length - 2);
        double t = position - low;
        var (a, b) = (Stops[low], Stops[low + 1]);
        return new SKColor(Mix(a.R, b.R, t), Mix(a.G, b.G, t), Mix(a.B, b.B, t));
    }

    private static byte Mix(byte a, byte b, double t) => (byte)Math.Round(a + (b - a) * t);
}
