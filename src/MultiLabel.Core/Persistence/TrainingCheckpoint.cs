using System.IO.Compression;
using System.Text.Json;
using MultiLabel.Training;

namespace MultiLabel.Persistence;

/// <summary>
/// <c>last.ckpt</c>: a <see cref="TrainingSnapshot"/> as a ZIP archive (<c>checkpoint.json</c>,
/// <c>model.bin</c>, <c>optimizer.bin</c>, <c>torch_rng.bin</c>), written atomically.
/// </summary>
public static class TrainingCheckpoint
{
    private const int FormatVersion = 1;

    /// <summary>Writes <paramref name="snapshot"/> to <paramref name="path"/>.</summary>
    public static void Save(string path, TrainingSnapshot snapshot) =>
        AtomicFile.Write(path, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            using (var entry = zip.CreateEntry("checkpoint.json", CompressionLevel.Optimal).Open())
                JsonSerializer.Serialize(entry, Header.From(snapshot), JsonFormat.Options);
            Put(zip, "model.bin", snapshot.ModelState);
            Put(zip, "optimizer.bin", snapshot.OptimizerState);
            Put(zip, "torch_rng.bin", snapshot.TorchRandomState);
        });

    /// <summary>Reads a checkpoint; a missing, damaged or foreign file is a <see cref="ModelBundleException"/> naming it.</summary>
    public static TrainingSnapshot Load(string path)
    {
        if (!File.Exists(path))
            throw new ModelBundleException($"No checkpoint to resume at {path}. Run without --resume to start training, or point --out at the folder of the interrupted run.");
        try
        {
            using var zip = ZipFile.OpenRead(path);
            Header header;
            using (var stream = Entry(zip, path, "checkpoint.json").Open())
                header = JsonSerializer.Deserialize<Header>(stream, JsonFormat.Options) ?? throw new InvalidDataException("empty checkpoint.json");
            if (header.FormatVersion > FormatVersion)
                throw new ModelBundleException($"{path} was written by a newer MultiLabel (checkpoint format {header.FormatVersion}); update MultiLabel to resume it.");
            return header.ToSnapshot(Read(zip, path, "model.bin"), Read(zip, path, "optimizer.bin"), Read(zip, path, "torch_rng.bin"));
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or IOException and not FileNotFoundException)
        {
            throw new ModelBundleException($"The checkpoint {path} is damaged and cannot be resumed ({e.Message}). Start afresh without --resume (add --overwrite).", e);
        }
    }

    private static void Put(ZipArchive zip, string name, byte[] data)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
        entry.Write(data);
    }

    private static ZipArchiveEntry Entry(ZipArchive zip, string path, string name) =>
        zip.GetEntry(name) ?? throw new InvalidDataException($"{Path.GetFileName(path)} has no {name}");

    private static byte[] Read(ZipArchive zip, string path, string name)
    {
        using var source = Entry(zip, path, name).Open();
        using var copy = new MemoryStream();
        source.CopyTo(copy);
        return copy.ToArray();
    }

    private sealed record Header
    {
        public int FormatVersion { get; init; } = TrainingCheckpoint.FormatVersion;
        public required string Fingerprint { get; init; }
        public required TrainingOptions Options { get; init; }
        public required int Epoch { get; init; }
        public required int Step { get; init; }
        public required int[] EpochOrder { get; init; }
        public required ulong[] RandomState { get; init; }
        public required double LearningRateScale { get; init; }
        public required double PartialLossSum { get; init; }
        public required long PartialCorrect { get; init; }
        public required long PartialImages { get; init; }
        public required double PartialSeconds { get; init; }
        public required IReadOnlyList<EpochRecord> History { get; init; }

        public static Header From(TrainingSnapshot s) => new()
        {
            Fingerprint = s.Fingerprint, Options = s.Options, Epoch = s.Epoch, Step = s.Step, EpochOrder = s.EpochOrder, RandomState = s.RandomState,
            LearningRateScale = s.LearningRateScale, PartialLossSum = s.PartialLossSum, PartialCorrect = s.PartialCorrect,
            PartialImages = s.PartialImages, PartialSeconds = s.PartialSeconds, History = s.History,
        };

        public TrainingSnapshot ToSnapshot(byte[] model, byte[] optimizer, byte[] torchRandom) => new()
        {
            Fingerprint = Fingerprint, Options = Options, Epoch = Epoch, Step = Step, EpochOrder = EpochOrder, RandomState = RandomState,
            LearningRateScale = LearningRateScale, PartialLossSum = PartialLossSum, PartialCorrect = PartialCorrect,
            PartialImages = PartialImages, PartialSeconds = PartialSeconds, History = History,
            ModelState = model, OptimizerState = optimizer, TorchRandomState = torchRandom,
        };
    }
}
