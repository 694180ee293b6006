using MultiLabel.Models;
using MultiLabel.Training;

namespace MultiLabel.Persistence;

/// <summary>
/// The JSON manifest inside a <c>model.mlpkg</c>: what the weights are, how to feed them, which
/// labels they predict with which thresholds, how they were trained and how well they did.
/// </summary>
public sealed record BundleManifest
{
    /// <summary>The newest bundle format this build reads and writes.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>Always <c>multilabel-model</c>.</summary>
    public string Format { get; init; } = "multilabel-model";

    /// <summary>Bundle format version; a newer one than <see cref="CurrentFormatVersion"/> is refused.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>Registry name of the network.</summary>
    public required string Architecture { get; init; }

    /// <summary>Side length of the square input.</summary>
    public required int ImageSize { get; init; }

    /// <summary>How pixels are normalised.</summary>
    public required Normalization Normalization { get; init; }

    /// <summary>Labels in output order.</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>Decision threshold per label, in output order.</summary>
    public required IReadOnlyList<float> Thresholds { get; init; }

    /// <summary>The options of the run that produced the weights.</summary>
    public TrainingOptions? Training { get; init; }

    /// <summary>Validation results of the saved weights (best epoch and its metrics).</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>When the bundle was written (UTC).</summary>
    public DateTimeOffset Created { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Version of the tool that wrote it.</summary>
    public string ToolVersion { get; init; } = typeof(BundleManifest).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
