using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using MultiLabel.Files;
using MultiLabel.Persistence.Records;
using MultiLabel.Training;

namespace MultiLabel.Persistence;

/// <summary>
/// <c>last.ckpt</c>: a <see cref="TrainingSnapshot"/> as a ZIP archive (<c>checkpoint.json</c>,
/// <c>model.bin</c>, <c>optimizer.bin</c>, <c>torch_rng.bin</c>), written atomically.
/// </summary>
public static class TrainingCheckpoint
{
    private const int FormatVersion = 1;

    /// <summary>The largest checkpoint.json read (the history of a long run is a few hundred KB).</summary>
    private const long MaxHeaderBytes = 64L << 20;

    /// <summary>Writes <paramref name="snapshot"/> to <paramref name="path"/>.</summary>
    public static void Save(string path, TrainingSnapshot snapshot) =>
        Write(path, snapshot, s => s.Write(snapshot.ModelState), s => s.Write(snapshot.OptimizerState));

    /// <summary>Writes the state of the running fit to <paramref name="path"/>, streaming weights and optimiser state into the file.</summary>
    public static void Save(string path, Training.Callbacks.FitContext context) =>
        Write(path, context.Snapshot(includeState: false), context.SaveWeights, context.SaveOptimizerState);

    private static void Write(string path, TrainingSnapshot snapshot, Action<Stream> writeModel, Action<Stream> writeOptimizer) =>
        AtomicFile.Write(path, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            using (var entry = zip.CreateEntry("checkpoint.json", CompressionLevel.Optimal).Open())
                JsonSerializer.Serialize(entry, new Header(FormatVersion, SnapshotRecord.From(snapshot)), JsonFormat.Options);
            Put(zip, "model.bin", writeModel);
            Put(zip, "optimizer.bin", writeOptimizer);
            Put(zip, "torch_rng.bin", s => s.Write(snapshot.TorchRandomState));
        });

    /// <summary>Reads a checkpoint; a missing, damaged or foreign file is a <see cref="ModelBundleException"/> naming it.</summary>
    public static TrainingSnapshot Load(string path)
    {
        if (!File.Exists(path))
            throw new ModelBundleException($"No checkpoint at {path}.");
        try
        {
            using var zip = ZipFile.OpenRead(path);
            Header header;
            header = JsonSerializer.Deserialize<Header>(BundleEntry.Read(Entry(zip, path, "checkpoint.json"), path, MaxHeaderBytes), JsonFormat.Options)
                     ?? throw new InvalidDataException("empty checkpoint.json");
            if (header.FormatVersion > FormatVersion)
                throw new ModelBundleException($"{path} was written by a newer MultiLabel (checkpoint format {header.FormatVersion}); update MultiLabel to resume it.");
            return header.Snapshot.ToSnapshot(Read(zip, path, "model.bin"), Read(zip, path, "optimizer.bin"), Read(zip, path, "torch_rng.bin"));
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or IOException and not FileNotFoundException)
        {
            throw new ModelBundleException($"The checkpoint {path} is damaged and cannot be resumed ({e.Message}).", e);
        }
    }

    private static void Put(ZipArchive zip, string name, Action<Stream> write)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
        write(entry);
    }

    private static ZipArchiveEntry Entry(ZipArchive zip, string path, string name) =>
        zip.GetEntry(name) ?? throw new InvalidDataException($"{Path.GetFileName(path)} has no {name}");

    /// <summary>The entry's bytes, its size capped and its CRC-32 checked.</summary>
    private static byte[] Read(ZipArchive zip, string path, string name) => BundleEntry.Read(Entry(zip, path, name), path, Array.MaxLength);

    /// <summary>checkpoint.json: the format version and the snapshot without its binary parts, which are entries of their own.</summary>
    private sealed record Header(
        [property: JsonPropertyName("format_version")] int FormatVersion,
        [property: JsonPropertyName("snapshot")] SnapshotRecord Snapshot);
}
