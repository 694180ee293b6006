using System.IO.Compression;
using System.Security.Cryptography;

namespace MultiLabel.Persistence;

/// <summary>
/// Reads one entry of a bundle or checkpoint archive the safe way: its declared size is checked against a cap before
/// anything is allocated, it is read to exactly that size (an entry that inflates past what it declares is refused
/// rather than followed), and its CRC-32 — and, when the manifest records one, its SHA-256 — must match what was
/// written. Every failure is a <see cref="ModelBundleException"/> that starts "<c>FILE is damaged:</c>".
/// </summary>
internal static class BundleEntry
{
    /// <summary>The prefix of the SHA-256 digests a manifest records.</summary>
    public const string Sha256Prefix = "sha256:";

    /// <summary>The entry's bytes, checked; <paramref name="maxBytes"/> caps its declared (decompressed) size.</summary>
    public static byte[] Read(ZipArchiveEntry entry, string path, long maxBytes, string? sha256 = null)
    {
        CheckDeclaredSize(entry, path, maxBytes);
        var bytes = new byte[entry.Length];
        Stream(entry, path, buffer: bytes, sink: null, sha256);
        return bytes;
    }

    /// <summary>Reads the entry through without keeping it, checking its size, CRC-32 and (when given) SHA-256.</summary>
    public static void Verify(ZipArchiveEntry entry, string path, long maxBytes, string? sha256 = null)
    {
        CheckDeclaredSize(entry, path, maxBytes);
        Stream(entry, path, buffer: null, sink: new byte[1 << 16], sha256);
    }

    /// <summary>"sha256:" and the lower-case hex digest of <paramref name="bytes"/>.</summary>
    public static string Digest(ReadOnlySpan<byte> bytes) => Sha256Prefix + Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The error for a bundle whose <paramref name="what"/> is wrong.</summary>
    public static ModelBundleException Damaged(string path, string what, Exception? inner = null) =>
        new($"{path} is damaged: {what}; use an undamaged copy of it, or train again.", inner);

    private static void CheckDeclaredSize(ZipArchiveEntry entry, string path, long maxBytes)
    {
        if (entry.Length < 0 || entry.Length > maxBytes)
            throw Damaged(path, $"{entry.FullName} declares {entry.Length:N0} bytes, more than a MultiLabel bundle holds there ({maxBytes:N0} at most)");
    }

    /// <summary>Reads exactly the declared size into <paramref name="buffer"/> (or through <paramref name="sink"/>), then checks it.</summary>
    private static void Stream(ZipArchiveEntry entry, string path, byte[]? buffer, byte[]? sink, string? sha256)
    {
        var crc = new System.IO.Hashing.Crc32(); // the ZIP CRC-32, vectorised
        using var hash = sha256 is null ? null : IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            using var source = entry.Open();
            long remaining = entry.Length, offset = 0;
            while (remaining > 0)
            {
                var target = buffer is not null
                    ? buffer.AsSpan((int)offset, (int)remaining)
                    : sink.AsSpan(0, (int)Math.Min(sink!.Length, remaining));
                int read = source.Read(target);
                if (read == 0) throw Damaged(path, $"{entry.FullName} ends after {offset:N0} of its {entry.Length:N0} bytes (the file is truncated)");
                crc.Append(target[..read]);
                hash?.AppendData(target[..read]);
                offset += read;
                remaining -= read;
            }
            Span<byte> extra = stackalloc byte[1];
            if (source.Read(extra) != 0)
                throw Damaged(path, $"{entry.FullName} holds more than the {entry.Length:N0} bytes it declares");
        }
        catch (Exception e) when (e is InvalidDataException or IOException and not FileNotFoundException)
        {
            throw Damaged(path, $"{entry.FullName} cannot be read ({e.Message})", e);
        }
        uint computed = crc.GetCurrentHashAsUInt32();
        if (computed != entry.Crc32)
            throw Damaged(path, $"{entry.FullName} does not match its CRC-32 checksum (stored {entry.Crc32:X8}, read {computed:X8})");
        if (hash is not null)
        {
            string actual = Sha256Prefix + Convert.ToHexStringLower(hash.GetHashAndReset());
            if (!string.Equals(actual, sha256, StringComparison.OrdinalIgnoreCase))
                throw Damaged(path, $"{entry.FullName} does not match the SHA-256 its manifest records");
        }
    }
}
