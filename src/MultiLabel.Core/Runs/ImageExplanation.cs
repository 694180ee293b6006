namespace MultiLabel.Runs;

/// <summary>The overlays written for one image, or why none could be.</summary>
/// <param name="Source">The image, as its prediction names it.</param>
/// <param name="Overlays">One overlay per label explained, in the order the labels were asked for.</param>
/// <param name="Error">Why the image could not be explained (then there are no overlays).</param>
public sealed record ImageExplanation(string Source, IReadOnlyList<ExplanationOverlay> Overlays, string? Error = null);

/// <summary>One label's heat-map overlay of one image.</summary>
/// <param name="Label">The label explained.</param>
/// <param name="Score">The model's probability for it.</param>
/// <param name="File">The PNG written.</param>
/// <param name="Center">The map's centre of mass as fractions of width and height from the top left (see <see cref="Inference.HeatMap.Center"/>).</param>
public sealed record ExplanationOverlay(string Label, float Score, string File, (double X, double Y) Center);
