namespace MultiLabel.Reporting;

/// <summary>
/// Registers a font file with ScottPlot once, so plot text renders on machines where SkiaSharp finds
/// no default typeface. Looks for DejaVu Sans, Liberation Sans or Noto Sans in the usual places.
/// </summary>
internal static class PlotFonts
{
    private const string Family = "MultiLabel Sans";
    private static readonly Lazy<string?> Registered = new(Register);

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

    private static string? Register()
    {
        string? file = Candidates.FirstOrDefault(File.Exists);
        if (file == null) return null;
        ScottPlot.Fonts.AddFontFile(Family, file);
        return Family;
    }
}
