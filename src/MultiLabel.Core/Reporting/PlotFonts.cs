namespace MultiLabel.Reporting;

/// <summary>
/// Registers a font file with ScottPlot once, so plot text renders on machines where SkiaSharp finds
/// no default typeface. Looks for DejaVu Sans, Liberation Sans or Noto Sans in the usual places.
/// </summary>
internal static class PlotFonts
{
    private const string Family = "MultiLabel Sans";
    private static readonly Lazy<string?> Registered = new(Register);
    private static readonly Lazy<SkiaSharp.SKTypeface> Face = new(() =>
        (FontFile is { } file ? SkiaSharp.SKTypeface.FromFile(file) : null) ?? SkiaSharp.SKTypeface.Default);

    private static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
        "/System/Library/Fonts/Supplemental/Arial.ttf",
        "C:/Windows/Fonts/arial.ttf",
    ];

    /// <summary>Applies the registered font to <paramref name="plot"/>.</summary>
    public static void Apply(ScottPlot.Plot plot)
    {
        if (Registered.Value is { } family) plot.Font.Set(family);
    }

    /// <summary>The font file found on this machine, or null when none of the candidates exists.</summary>
    public static string? FontFile { get; } = Candidates.FirstOrDefault(File.Exists);

    /// <summary>The same font for drawing text with SkiaSharp directly (SkiaSharp's default when no file was found).</summary>
    public static SkiaSharp.SKTypeface Typeface => Face.Value;

    private static string? Register()
    {
        string? file = FontFile;
        if (file == null) return null;
        ScottPlot.Fonts.AddFontFile(Family, file);
        return Family;
    }
}
