namespace MultiLabel.Persistence;

/// <summary>How a bundle's content is checked when it is loaded.</summary>
public enum BundleIntegrity
{
    /// <summary>Each entry's ZIP CRC-32 and the SHA-256 the manifest records for the binary entries.</summary>
    Sha256,

    /// <summary>Each entry's ZIP CRC-32 only: the bundle was written before SHA-256 digests were recorded.</summary>
    CrcOnly,
}
