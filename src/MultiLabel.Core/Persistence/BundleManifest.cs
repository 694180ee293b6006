using System.Reflection;
using System.Text.Json.Serialization;
using MultiLabel.Models;
using MultiLabel.Persistence.Records;

namespace MultiLabel.Persistence;

/// <summary>
/// The JSON manifest inside a <c>model.mlpkg</c>: what the weights are, how to feed them, which labels they
/// predict with which thresholds, how they were trained and how well they did. Every field is named explicitly,
/// so renaming a property never changes the file format; make one with <see cref="For"/>.
/// </summary>
public sealed record BundleManifest
{
    /// <summary>The newest bundle format this build reads and writes.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>Always <c>multilabel-model</c>.</summary>
    [JsonPropertyName("format")] public string Format { get; init; } = "multilabel-model";

    /// <summary>Bundle format version; a newer one than <see cref="CurrentFormatVersion"/> is refused.</summary>
    [JsonPropertyName("format_version")] public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>Registry name of the network.</summary>
    [JsonPropertyName("architecture")] public required string Architecture { get; init; }

    /// <summary>Side length of the square input.</summary>
    [JsonPropertyName("image_size")] public required int ImageSize { get; init; }

    /// <summary>How pixels are normalised.</summary>
    [JsonPropertyName("normalization")] public required Normalization Normalization { get; init; }

    /// <summary>Labels in output order.</summary>
    [JsonPropertyName("labels")] public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>Decision threshold per label, in output order.</summary>
    [JsonPropertyName("thresholds")] public required IReadOnlyList<float> Thresholds { get; init; }

    /// <summary>The recipe of the run that produced the weights, when a run did.</summary>
    [JsonPropertyName("training")] public RecipeRecord? Training { get; init; }

    /// <summary>Validation results of the saved weights (best epoch and its metrics).</summary>
    [JsonPropertyName("metrics")] public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>When the bundle was written (UTC).</summary>
    [JsonPropertyName("created")] public DateTimeOffset Created { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>
    /// The SHA-256 of each binary entry (<c>weights.bin</c>, <c>model.onnx</c>) as <c>sha256:HEX</c>, checked on every
    /// load; null in bundles written before it was recorded, which are checked against their ZIP CRC-32s only.
    /// </summary>
    [JsonPropertyName("integrity")] public IReadOnlyDictionary<string, string>? Integrity { get; init; }

    /// <summary>Version of the tool that wrote it.</summary>
    [JsonPropertyName("tool_version")] public string ToolVersion { get; init; } = CurrentToolVersion;

    /// <summary>The version of this build (the package version, e.g. <c>0.1.0</c>).</summary>
    public static string CurrentToolVersion { get; } =
        typeof(BundleManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(BundleManifest).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>
    /// The manifest of a <paramref name="architecture"/> network over <paramref name="labels"/> at
    /// <paramref name="imageSize"/> pixels: the registry's normalisation unless <paramref name="normalization"/> is
    /// given, every threshold 0.5 unless <paramref name="thresholds"/> are. Add the recipe and metrics with <c>with</c>.
    /// </summary>
    public static BundleManifest For(string architecture, int imageSize, IReadOnlyList<string> labels,
        Normalization? normalization = null, IReadOnlyList<float>? thresholds = null)
    {
        var info = ModelRegistry.Get(architecture);
        return new BundleManifest
        {
            Architecture = info.Name,
            ImageSize = imageSize,
            Normalization = normalization ?? info.Normalization,
            Labels = labels,
            Thresholds = thresholds ?? Enumerable.Repeat(0.5f, labels.Count).ToArray(),
        };
    }
}
