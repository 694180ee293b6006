using System.IO.Compression;
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
/// never leaves a damaged bundle behind.
/// </summary>
public static class ModelBundle
{
    private const string ManifestEntry = "manifest.json";
    private const string WeightsEntry = "weights.bin";
    private const string OnnxEntry = "model.onnx";

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

    private static void Save(string path, BundleManifest manifest, Action<Stream> writeWeights, byte[]? onnx) =>
        AtomicFile.Write(path, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            using (var entry = zip.CreateEntry(ManifestEntry, CompressionLevel.Optimal).Open())
                JsonSerializer.Serialize(entry, manifest, JsonFormat.Options);
            using (var entry = zip.CreateEntry(WeightsEntry, CompressionLevel.NoCompression).Open())
                writeWeights(entry);
            if (onnx is null) return;
            using (var entry = zip.CreateEntry(OnnxEntry, CompressionLevel.NoCompression).Open())
                entry.Write(onnx);
        });

    /// <summary>Reads only the manifest of the bundle at <paramref name="path"/>.</summary>
    public static BundleManifest ReadManifest(string path)
    {
        using var zip = Open(path);
        return ReadManifest(zip, path);
    }

    /// <summary>Loads the bundle's network (evaluation mode, on <paramref name="device"/>, CPU by default) and its manifest.</summary>
    public static (BundleManifest Manifest, MultiLabelNetwork Network) Load(string path, Device? device = null)
    {
        using var zip = Open(path);
        var manifest = ReadManifest(zip, path);
        if (!ModelRegistry.TryGet(manifest.Architecture, out var info))
            throw new ModelBundleException($"{path} holds a '{manifest.Architecture}' network, which this build does not know (it knows {ModelRegistry.Names}). Update MultiLabel to load it.");
        var network = info.Create(new ModelRequest(manifest.Labels.Count, manifest.ImageSize, LoadPretrainedWeights: false));
        try
        {
            using var weights = new MemoryStream(WeightsOf(zip, path));
            network.load(weights);
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

    /// <summary>The raw weights (TorchSharp format) stored in the bundle at <paramref name="path"/>.</summary>
    public static byte[] ReadWeights(string path)
    {
        using var zip = Open(path);
        ReadManifest(zip, path);
        return WeightsOf(zip, path);
    }

    /// <summary>
    /// The manifest and the ONNX form (planar <c>[batch, 3, size, size]</c> uint8 input) stored in the bundle at
    /// <paramref name="path"/>; the ONNX form is null in bundles saved without one (by a checkpoint, or before it existed).
    /// </summary>
    public static (BundleManifest Manifest, byte[]? Onnx) ReadOnnx(string path)
    {
        using var zip = Open(path);
        var manifest = ReadManifest(zip, path);
        return (manifest, zip.GetEntry(OnnxEntry) is { } entry ? Bytes(entry, path) : null);
    }

    private static byte[] WeightsOf(ZipArchive zip, string path) =>
        Bytes(zip.GetEntry(WeightsEntry) ?? throw new ModelBundleException($"{path} has no {WeightsEntry}; the bundle is incomplete. Re-export or retrain the model."), path);

    private static byte[] Bytes(ZipArchiveEntry entry, string path)
    {
        try
        {
            // Straight into one array of the entry's size: growing a MemoryStream copies a large model several times.
            if (entry.Length > Array.MaxLength)
                throw new ModelBundleException($"{path} holds {entry.Length} bytes in {entry.FullName}, more than one array can take.");
            var bytes = new byte[entry.Length];
            using var source = entry.Open();
            source.ReadExactly(bytes);
            return bytes;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new ModelBundleException($"{path} is damaged (truncated?): {e.Message}. Use the model.mlpkg a training run wrote.", e);
        }
    }

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
        BundleManifest? manifest;
        try
        {
            using var stream = entry.Open();
            using var document = JsonDocument.Parse(stream);
            var root = document.RootElement;
            if (root.TryGetProperty("format_version", out var version) && version.TryGetInt32(out int v) && v > BundleManifest.CurrentFormatVersion)
                throw new ModelBundleException($"{path} uses bundle format {v}, newer than this build reads ({BundleManifest.CurrentFormatVersion}). Update MultiLabel to load it.");
            manifest = root.Deserialize<BundleManifest>(JsonFormat.Options);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or NotSupportedException)
        {
            throw new ModelBundleException($"The manifest of {path} cannot be read: {e.Message}", e);
        }
        if (manifest is null || manifest.Format != "multilabel-model")
            throw new ModelBundleException($"{path} is not a MultiLabel model bundle (its manifest names another format).");
        if (manifest.Labels.Count == 0 || manifest.Thresholds.Count != manifest.Labels.Count)
            throw new ModelBundleException($"The manifest of {path} is inconsistent: {manifest.Labels.Count} labels but {manifest.Thresholds.Count} thresholds.");
        return manifest;
    }
}
