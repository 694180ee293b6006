namespace MultiLabel.Persistence;

/// <summary>
/// The values a <see cref="BundleManifest"/> may hold: what is checked before a bundle's network is built or its
/// thresholds used, so a damaged or hand-edited manifest is refused with one sentence instead of failing later.
/// </summary>
internal static class ManifestRules
{
    /// <summary>The smallest and largest input side a bundle may declare.</summary>
    public const int MinImageSize = 8, MaxImageSize = 4096;

    /// <summary>The most labels a bundle may declare.</summary>
    public const int MaxLabels = 100_000;

    /// <summary>The first thing wrong with <paramref name="manifest"/>, as a clause ("image_size 0 is …"), or null when it is sound.</summary>
    public static string? FirstProblem(BundleManifest manifest)
    {
        if (manifest.FormatVersion < 1) return $"format_version {manifest.FormatVersion} is not a bundle format (1 or more)";
        if (string.IsNullOrWhiteSpace(manifest.Architecture)) return "architecture is empty";
        if (manifest.ImageSize is < MinImageSize or > MaxImageSize)
            return $"image_size {manifest.ImageSize} is outside {MinImageSize}–{MaxImageSize} pixels";
        if (manifest.Labels is null || manifest.Labels.Count == 0) return "labels is empty";
        if (manifest.Labels.Count > MaxLabels) return $"labels holds {manifest.Labels.Count:N0} names, more than {MaxLabels:N0}";
        if (manifest.Labels.FirstOrDefault(string.IsNullOrWhiteSpace) is not null) return "labels holds an empty name";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (manifest.Labels.FirstOrDefault(l => !seen.Add(l)) is { } twice) return $"labels names '{twice}' twice";
        if (manifest.Thresholds is null || manifest.Thresholds.Count != manifest.Labels.Count)
            return $"it has {manifest.Labels.Count} labels but {manifest.Thresholds?.Count ?? 0} thresholds";
        for (int i = 0; i < manifest.Thresholds.Count; i++)
            if (!(manifest.Thresholds[i] is >= 0 and <= 1))
                return $"the threshold of '{manifest.Labels[i]}' is {manifest.Thresholds[i]}, not a probability from 0 to 1";
        return NormalizationProblem(manifest);
    }

    private static string? NormalizationProblem(BundleManifest manifest)
    {
        var n = manifest.Normalization;
        if (n is null) return "normalization is missing";
        if (!(float.IsFinite(n.Scale) && n.Scale > 0)) return $"normalization scale {n.Scale} is not a positive number";
        if (n.Mean is not { Length: 3 } || n.Std is not { Length: 3 }) return "normalization needs three means and three deviations (R, G, B)";
        if (!n.Mean.All(float.IsFinite)) return "normalization mean holds a value that is not a number";
        if (!n.Std.All(s => float.IsFinite(s) && s > 0)) return "normalization std holds a value that is not a positive number";
        return null;
    }
}
