namespace MultiLabel.Onnx;

/// <summary>
/// Everything an exported graph says about the model besides its layers: how it is fed, what its outputs mean and
/// who made it. Plain values, so the Onnx room needs to know nothing of manifests or networks.
/// </summary>
public sealed record OnnxExportSpec
{
    /// <summary>The network's registry name (graph name and the <c>architecture</c> metadata).</summary>
    public required string Architecture { get; init; }

    /// <summary>Labels in output order.</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>Decision threshold per label, in output order.</summary>
    public required IReadOnlyList<float> Thresholds { get; init; }

    /// <summary>Side length of the square input in pixels.</summary>
    public required int ImageSize { get; init; }

    /// <summary>Per channel (R, G, B), what a 0–255 pixel is multiplied by before the network.</summary>
    public required IReadOnlyList<float> Multiplier { get; init; }

    /// <summary>Per channel (R, G, B), what is added after <see cref="Multiplier"/>.</summary>
    public required IReadOnlyList<float> Offset { get; init; }

    /// <summary>The normalisation as its owner describes it (JSON), stored verbatim as the <c>normalization</c> metadata.</summary>
    public required string NormalizationMetadata { get; init; }

    /// <summary>Version of the tool writing the file (<c>producer_version</c>).</summary>
    public required string ProducerVersion { get; init; }

    /// <summary>How the input pixels are laid out.</summary>
    public OnnxInputLayout InputLayout { get; init; } = OnnxInputLayout.Nhwc;
}
