using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using MultiLabel.Files;
using MultiLabel.Models;
using MultiLabel.Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace MultiLabel.Persistence;

/// <summary>
/// A trained model as one self-describing file (<c>model.mlpkg</c>): a ZIP archive holding
/// <c>manifest.json</c> (<see cref="BundleManifest"/>), <c>weights.bin</c> (TorchSharp format) and, when saved from
/// a network, <c>model.onnx</c>: the same network exported once, at save time, with planar input (see
/// <see cref="ReadOnnx"/>), so the ONNX engine opens it without TorchSharp. Written atomically, so an interrupted save
/// never leaves a damaged bundle behind. Every load checks every entry: sizes capped before anything is allocated,
/// each entry's ZIP CRC-32, the SHA-256 the manifest records for the binary entries, and every manifest value
/// (<see cref="ManifestRules"/>); a bundle that fails any check is "<c>FILE is damaged: …</c>".
/// </summary>
public static class ModelBundle
{
    private const string ManifestEntry = "manifest.json";
    private const string WeightsEntry = "weights.bin";
    private const string OnnxEntry = "model.onnx";

    /// <summary>The largest manifest read (a manifest is a few KB; 100,000 labels are about 3 MB).</summary>
    private const long MaxManifestBytes = 16L << 20;

    /// <summary>The largest binary entry read: what one array holds.</summary>
    private static readonly long MaxEntryBytes = Array.MaxLength;

    /// <summary>
    /// Writes a bundle of <paramref name="manifest"/> and the weights <paramref name="writeWeights"/> produces, with no
    /// ONNX form (the training checkpoint's way: the ONNX engine then exports the network when it opens the bundle).
    /// </summary>
    public static void Save(string path, BundleManifest manifest, Action<Stream> writeWeights) => Save(path, manifest, writeWeights, onnx: null);

    /// <summary>
    /// Writes a bundle of <paramref name="network"/>'s weights and its ONNX form (planar input). A network the exporter
    /// cannot express is saved without the ONNX form; only the onnx engine then refuses it, as it always did.
    /// </summary>
    public static void Save(string path, BundleManifest manifest, MultiLabelNetwork network)
    {
        byte[]? onnx;
        try { onnx = ModelExport.ToBytes(network, manifest, OnnxInputLayout.Nchw); }
        catch (OnnxExportException) { onnx = null; }
        Save(path, manifest, stream => network.save(stream), onnx);
    }

    /// <summary>Writes the binary entries first, hashing them as they stream, then the manifest that records their SHA-256.</summary>
    private static void Save(string path, BundleManifest manifest, Action<Stream> writeWeights, byte[]? onnx) =>
        AtomicFile.Write(path, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            var integrity = new Dictionary<string, string>(StringComparer.Ordinal);
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                using (var entry = zip.CreateEntry(WeightsEntry, CompressionLevel.NoCompression).Open())
                using (var hashing = new HashingStream(entry, hash))
                    writeWeights(hashing); // TorchSharp disposes the stream it is given
                integrity[WeightsEntry] = BundleEntry.Sha256Prefix + Convert.ToHexStringLower(hash.GetHashAndReset());
            }
            if (onnx is not null)
            {
                using var entry = zip.CreateEntry(OnnxEntry, CompressionLevel.NoCompression).Open();
                entry.Write(onnx);
                integrity[OnnxEntry] = BundleEntry.Digest(onnx);
            }
            using (var entry = zip.CreateEntry(ManifestEntry, CompressionLevel.Optimal).Open())
                JsonSerializer.Serialize(entry, manifest with { Integrity = integrity }, JsonFormat.Options);
        });

    /// <summary>Reads only the manifest of the bundle at <paramref name="path"/> (checked, but the binary entries are not read).</summary>
    public static BundleManifest ReadManifest(string path)
    {
        using var zip = Open(path);
        return ReadManifest(zip, path);
    }

    /// <summary>
    /// Reads every entry of the bundle at <paramref name="path"/> through and checks it; returns the manifest and how the
    /// bundle was checked (SHA-256 and CRC-32, or CRC-32 only for bundles written before SHA-256 was recorded).
    /// </summary>
    public static (BundleManifest Manifest, BundleIntegrity Integrity) Verify(string path)
    {
        using var zip = Open(path);
        var manifest = ReadManifest(zip, path);
        VerifyOthers(zip, path, manifest, except: null);
        return (manifest, Describe(manifest));
    }

    /// <summary>Loads the bundle's network (evaluation mode, on <paramref name="device"/>, CPU by default) and its manifest.</summary>
    public static (BundleManifest Manifest, MultiLabelNetwork Network) Load(string path, Device? device = null)
    {
        using var zip = Open(path);
        var manifest = ReadManifest(zip, path);
        if (!ModelRegistry.TryGet(manifest.Architecture, out var info))
            throw new ModelBundleException($"{path} holds a '{manifest.Architecture}' network, which this build does not know (it knows {ModelRegistry.Names}). Update MultiLabel to load it.");
        byte[] weights = WeightsOf(zip, path, manifest);
        VerifyOthers(zip, path, manifest, except: WeightsEntry);
        var network = info.Create(new ModelRequest(manifest.Labels.Count, manifest.ImageSize, LoadPretrainedWeights: false));
        try
        {
            using var stream = new MemoryStream(weights);
            network.load(stream);
        }
        catch (Exception e) when (e is not ModelBundleException)
        {
            network.Dispose();
            throw new ModelBundleException($"The weights in {path} do not fit a {manifest.Architecture} with {manifest.Labels.Count} labels: {e.Message}", e);
        }
        if (device != null) network.to(device);
        network.eval();
        return (manifest, network);
    }

    /// <summary>The raw weights (TorchSharp format) stored in the bundle at <paramref name="path"/>, checked.</summary>
    public static byte[] ReadWeights(string path)
    {
        using var zip = Open(path);
        return WeightsOf(zip, path, ReadManifest(zip, path));
    }

    /// <summary>
    /// The manifest and the ONNX form (planar <c>[batch, 3, size, size]</c> uint8 input) stored in the bundle at
    /// <paramref name="path"/>; the ONNX form is null in bundles saved without one (by a checkpoint, or before it existed).
    /// The weights are read through and checked too, so a damaged bundle is refused whichever engine opens it.
    /// </summary>
    public static (BundleManifest Manifest, byte[]? Onnx) ReadOnnx(string path)
    {
        using var zip = Open(path);
        var manifest = ReadManifest(zip, path);
        byte[]? onnx = zip.GetEntry(OnnxEntry) is { } entry ? BundleEntry.Read(entry, path, MaxEntryBytes, Recorded(manifest, OnnxEntry)) : null;
        VerifyOthers(zip, path, manifest, except: OnnxEntry);
        return (manifest, onnx);
    }

    /// <summary>How a bundle with <paramref name="manifest"/> is checked on load.</summary>
    public static BundleIntegrity Describe(BundleManifest manifest) =>
        manifest.Integrity is { Count: > 0 } ? BundleIntegrity.Sha256 : BundleIntegrity.CrcOnly;

    private static byte[] WeightsOf(ZipArchive zip, string path, BundleManifest manifest) =>
        BundleEntry.Read(zip.GetEntry(WeightsEntry) ?? throw BundleEntry.Damaged(path, $"it has no {WeightsEntry}"),
            path, MaxEntryBytes, Recorded(manifest, WeightsEntry));

    /// <summary>Reads every entry but the manifest and <paramref name="except"/> through, checking each; a recorded entry that is missing is damage too.</summary>
    private static void VerifyOthers(ZipArchive zip, string path, BundleManifest manifest, string? except)
    {
        if (zip.GetEntry(WeightsEntry) is null) throw BundleEntry.Damaged(path, $"it has no {WeightsEntry}");
        foreach (var entry in zip.Entries)
            if (entry.FullName != ManifestEntry && entry.FullName != except)
                BundleEntry.Verify(entry, path, MaxEntryBytes, Recorded(manifest, entry.FullName));
        foreach (string name in manifest.Integrity?.Keys ?? [])
            if (zip.GetEntry(name) is null) throw BundleEntry.Damaged(path, $"its manifest records {name}, which is missing");
    }

    private static string? Recorded(BundleManifest manifest, string entry) => manifest.Integrity?.GetValueOrDefault(entry);

    private static ZipArchive Open(string path)
    {
        if (!File.Exists(path))
            throw new ModelBundleException($"Model file not found: {path}. A training run writes its model as model.mlpkg in its output folder.");
        try
        {
            return ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            throw new ModelBundleException($"{path} is not a MultiLabel model bundle, or it is damaged (truncated?): {e.Message}. Use the model.mlpkg a training run wrote.", e);
        }
    }

    private static BundleManifest ReadManifest(ZipArchive zip, string path)
    {
        var entry = zip.GetEntry(ManifestEntry)
            ?? throw new ModelBundleException($"{path} is a ZIP file but not a MultiLabel model bundle (no {ManifestEntry}).");
        byte[] bytes = BundleEntry.Read(entry, path, MaxManifestBytes);
        BundleManifest? manifest;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("format_version", out var version) && version.TryGetInt32(out int v)
                && v > BundleManifest.CurrentFormatVersion)
                throw new ModelBundleException($"{path} uses bundle format {v}, newer than this build reads ({BundleManifest.CurrentFormatVersion}). Update MultiLabel to load it.");
            manifest = root.Deserialize<BundleManifest>(JsonFormat.Options);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or NotSupportedException or InvalidOperationException or FormatException or OverflowException)
        {
            throw BundleEntry.Damaged(path, $"its {ManifestEntry} cannot be read ({e.Message})", e);
        }
        if (manifest is null || manifest.Format != "multilabel-model")
            throw new ModelBundleException($"{path} is not a MultiLabel model bundle (its manifest names another format).");
        if (ManifestRules.FirstProblem(manifest) is { } problem)
            throw BundleEntry.Damaged(path, $"in its {ManifestEntry}, {problem}");
        return manifest;
    }

    /// <summary>A write-through stream that adds what passes to <paramref name="hash"/>, for entries whose content is streamed by others.</summary>
    private sealed class HashingStream(Stream inner, IncrementalHash hash) : Stream
    {
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            hash.AppendData(buffer);
            inner.Write(buffer);
        }

        public override void WriteByte(byte value) => Write([value]);

        public override void Flush() => inner.Flush();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
