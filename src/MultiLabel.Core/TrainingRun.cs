using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MultiLabel.Data;
using MultiLabel.Metrics;
using MultiLabel.Models;
using MultiLabel.Native;
using MultiLabel.Persistence;
using MultiLabel.Reporting;
using MultiLabel.Training;
using MultiLabel.Training.Callbacks;
using TorchSharp;

namespace MultiLabel;

/// <summary>Where a training run reads its images and writes its outputs.</summary>
public sealed record TrainingRunOptions
{
    /// <summary>Dataset folder (label-named subfolders) or CSV label file.</summary>
    public required string Data { get; init; }

    /// <summary>Folder that receives model.mlpkg, last.ckpt, history.csv, the curves, labels.json and summary.json.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The recipe.</summary>
    public TrainingOptions Training { get; init; } = TrainingOptions.Default;

    /// <summary>How labels are read from folder names.</summary>
    public ImageSourceOptions Source { get; init; } = new();

    /// <summary>The decode cache; null turns it off.</summary>
    public string? CacheDirectory { get; init; } = ImageCache.DefaultDirectory;

    /// <summary>Continue the interrupted run in <see cref="OutputDirectory"/> from its last.ckpt (its recorded options are used).</summary>
    public bool Resume { get; init; }

    /// <summary>Allow replacing a previous run's outputs in <see cref="OutputDirectory"/>.</summary>
    public bool Overwrite { get; init; }
}

/// <summary>Where a run reports what it does; every member is optional.</summary>
public sealed record TrainingObserver
{
    /// <summary>Decoding progress.</summary>
    public IProgress<DecodeProgress>? Decoding { get; init; }

    /// <summary>Notes for the user: skipped files, the split, the outputs.</summary>
    public IProgress<string>? Messages { get; init; }

    /// <summary>Extra callbacks (progress display, custom logging).</summary>
    public IReadOnlyList<ICallback> Callbacks { get; init; } = [];
}

/// <summary>The record of a finished (or interrupted) run, also written as <c>summary.json</c>.</summary>
public sealed record TrainingSummary
{
    /// <summary>Epoch whose weights are in model.mlpkg.</summary>
    public int? BestEpoch { get; init; }

    /// <summary>Its value of the watched metric.</summary>
    public double? BestMetric { get; init; }

    /// <summary>The watched metric's column name.</summary>
    public required string Monitor { get; init; }

    /// <summary>Epochs finished.</summary>
    public int EpochsRun { get; init; }

    /// <summary>Training images.</summary>
    public int TrainImages { get; init; }

    /// <summary>Validation images.</summary>
    public int ValImages { get; init; }

    /// <summary>Training throughput over all epochs (training steps only).</summary>
    public double ImagesPerSecond { get; init; }

    /// <summary>Wall time of the run in seconds, decoding included.</summary>
    public double WallSeconds { get; init; }

    /// <summary>Files left out, with reasons.</summary>
    public int SkippedFiles { get; init; }

    /// <summary>True when the run was interrupted; resume it with <c>--resume</c>.</summary>
    public bool Interrupted { get; init; }

    /// <summary>Why it stopped early, if it did.</summary>
    public string? StopReason { get; init; }

    /// <summary>Validation metrics of the saved model with its stored thresholds.</summary>
    public IReadOnlyDictionary<string, double> FinalMetrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Per-label thresholds stored in the model.</summary>
    public IReadOnlyDictionary<string, float> Thresholds { get; init; } = new Dictionary<string, float>();
}

/// <summary>The outcome of <see cref="TrainingRun.Run"/>.</summary>
/// <param name="History">Every epoch.</param>
/// <param name="ModelPath">The saved model bundle.</param>
/// <param name="Summary">What summary.json holds.</param>
/// <param name="Skipped">Files left out of the data, with reasons.</param>
public sealed record TrainingResult(History History, string ModelPath, TrainingSummary Summary, IReadOnlyList<SkippedFile> Skipped);

/// <summary>
/// One training run from a folder to a saved model: reads and decodes the data, splits it, builds the
/// network, fits it with the standard callbacks (best checkpoint, last checkpoint, CSV and curves,
/// plateau, early stopping), tunes per-label thresholds on the validation images and writes every output.
/// </summary>
public static class TrainingRun
{
    /// <summary>Runs <paramref name="options"/>; cancelling finishes the current step, saves last.ckpt and returns an interrupted result.</summary>
    public static TrainingResult Run(TrainingRunOptions options, TrainingObserver? observer = null, CancellationToken cancellationToken = default)
    {
        observer ??= new TrainingObserver();
        var clock = Stopwatch.StartNew();
        string output = Path.GetFullPath(options.OutputDirectory);
        var paths = new RunPaths(output);
        TrainingSnapshot? resume = options.Resume ? TrainingCheckpoint.Load(paths.LastCheckpoint) : null;
        var training = resume == null ? options.Training : resume.Options with { Threads = options.Training.Threads, Device = options.Training.Device };
        training.Validate();
        if (!options.Resume && !options.Overwrite && (File.Exists(paths.Model) || File.Exists(paths.LastCheckpoint)))
            throw new ArgumentException($"{output} already holds a training run. Continue it with --resume, replace it with --overwrite, or choose another --out.");
        Directory.CreateDirectory(output);

        TorchRuntime.Configure(training.Threads);
        var device = TorchRuntime.ResolveDevice(training.Device);
        var (train, validation, vocabulary, skipped) = LoadData(options, training, observer, cancellationToken);
        AtomicFile.WriteText(paths.Labels, vocabulary.ToJson());
        string fingerprint = Fingerprint(training, vocabulary, train, validation);

        torch.random.manual_seed(training.Seed);
        var info = ModelRegistry.Get(training.Model);
        using var network = info.Create(new ModelRequest(vocabulary.Count, training.ImageSize));
        network.to(device);
        using var learner = new Learner(network, training, device);

        var normalization = training.ResolveNormalization();
        BundleManifest ManifestFor(EpochRecord epoch, IReadOnlyList<float>? thresholds = null, IReadOnlyDictionary<string, double>? extra = null) => new()
        {
            Architecture = info.Name,
            ImageSize = training.ImageSize,
            Normalization = normalization,
            Labels = vocabulary.Labels,
            Thresholds = thresholds ?? Enumerable.Repeat(0.5f, vocabulary.Count).ToArray(),
            Training = training,
            Metrics = new Dictionary<string, double>(epoch.Values.Where(v => v.Key.StartsWith("val_")).Concat(extra ?? new Dictionary<string, double>()))
            {
                ["best_epoch"] = epoch.Epoch,
            },
        };
        var best = new BestModelCheckpoint(paths.Model, training.Monitor, e => ManifestFor(e));
        var callbacks = new List<ICallback>();
        if (training.Plateau is { } plateau && training.Schedule == LearningRateSchedule.Constant)
            callbacks.Add(new ReduceLearningRateOnPlateau(training.Monitor, plateau));
        if (training.EarlyStoppingPatience is { } patience) callbacks.Add(new EarlyStopping(training.Monitor, patience));
        callbacks.AddRange([best, new LastCheckpoint(paths.LastCheckpoint), new RunReportWriter(output)]);
        callbacks.AddRange(observer.Callbacks);

        observer.Messages?.Report($"{train.Count} training and {validation.Count} validation images, {vocabulary.Count} labels; model {info.Name} at {training.ImageSize}px on {device.type}");
        // Scanning, decoding and reading the pretrained weights leave garbage that training, which allocates
        // almost nothing managed, would otherwise keep resident the whole run: give it back before the first step.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var history = learner.Fit(train, validation, callbacks, fingerprint, resume, cancellationToken);

        var thresholds = Enumerable.Repeat(0.5f, vocabulary.Count).ToArray();
        var final = new Dictionary<string, double>();
        if (!history.Interrupted && best.BestEpoch == null && history.Epochs.Count > 0)
        {
            observer.Messages?.Report($"{training.Monitor.ColumnName()} was never a number (diverged?); saving the last epoch's weights.");
            ModelBundle.Save(paths.Model, ManifestFor(history.Epochs[^1]), network);
        }
        else if (!history.Interrupted && best.BestEpoch is { } bestEpoch)
        {
            using (var weights = new MemoryStream(ModelBundle.ReadWeights(paths.Model))) network.load(weights);
            var (_, probabilities) = learner.Evaluate(validation);
            if (training.TuneThresholds) thresholds = ThresholdTuner.Choose(probabilities, validation.Targets, vocabulary.Count);
            var evaluator = new MultiLabelEvaluator(vocabulary.Labels, thresholds);
            evaluator.Update(probabilities, validation.Targets);
            foreach (var (name, value) in evaluator.Compute().SummaryMetrics()) final["val_" + name] = value;
            var tuned = final.ToDictionary(p => p.Key + "_tuned", p => p.Value);
            ModelBundle.Save(paths.Model, ManifestFor(bestEpoch, thresholds, training.TuneThresholds ? tuned : null), network);
        }

        var summary = new TrainingSummary
        {
            BestEpoch = best.BestEpoch?.Epoch,
            BestMetric = best.BestEpoch?.Monitored(training.Monitor),
            Monitor = training.Monitor.ColumnName(),
            EpochsRun = history.Epochs.Count,
            TrainImages = train.Count,
            ValImages = validation.Count,
            ImagesPerSecond = history.Epochs.Sum(e => e["images_per_second"] * e["seconds"]) / Math.Max(1e-9, history.Epochs.Sum(e => e["seconds"])),
            WallSeconds = clock.Elapsed.TotalSeconds,
            SkippedFiles = skipped.Count,
            Interrupted = history.Interrupted,
            StopReason = history.StopReason,
            FinalMetrics = final,
            Thresholds = vocabulary.Labels.Zip(thresholds).ToDictionary(p => p.First, p => p.Second),
        };
        AtomicFile.WriteText(paths.Summary, JsonSerializer.Serialize(summary, JsonFormat.Options));
        return new TrainingResult(history, paths.Model, summary, skipped);
    }

    private static (LabeledImages Train, LabeledImages Validation, LabelVocabulary Vocabulary, IReadOnlyList<SkippedFile> Skipped) LoadData(
        TrainingRunOptions options, TrainingOptions training, TrainingObserver observer, CancellationToken cancellationToken)
    {
        var load = new DatasetLoadOptions
        {
            Source = options.Source,
            ImageSize = training.ImageSize,
            CacheDirectory = options.CacheDirectory,
            Threads = training.Threads,
        };
        var data = DatasetLoader.Load(options.Data, load, observer.Decoding, cancellationToken);
        var skipped = data.Scan.Skipped.ToList();
        data.Scan.EnsureTrainable();

        if (training.ValidationData is { } validationPath)
        {
            var held = DatasetLoader.Load(validationPath, load, observer.Decoding, cancellationToken);
            skipped.AddRange(held.Scan.Skipped);
            if (held.Pixels.Count == 0) throw new DatasetException($"No usable validation images in {validationPath}.");
            var vocabulary = LabelVocabulary.FromImages(data.Scan.Images);
            var unknown = new SortedSet<string>(StringComparer.Ordinal);
            var validation = LabeledImages.Encode(held.Pixels, vocabulary, unknown);
            if (unknown.Count > 0)
                observer.Messages?.Report($"validation labels not in the training data, ignored: {string.Join(", ", unknown)}");
            ReportSkipped(observer, skipped);
            return (LabeledImages.Encode(data.Pixels, vocabulary), validation, vocabulary, skipped);
        }

        var labels = LabelVocabulary.FromImages(data.Scan.Images);
        var all = LabeledImages.Encode(data.Pixels, labels);
        var split = Splitter.Split(training.Split, data.Scan.Images.Select(i => i.Labels).ToArray(), training.ValidationFraction, training.Seed);
        ReportSkipped(observer, skipped);
        return (all.Subset(split.Train), all.Subset(split.Validation), labels, skipped);
    }

    private static void ReportSkipped(TrainingObserver observer, IReadOnlyList<SkippedFile> skipped)
    {
        foreach (var file in skipped) observer.Messages?.Report($"skipped {file.Path}: {file.Reason}");
    }

    /// <summary>A hash of everything that must match for a checkpoint to continue a run: options, labels and the split.</summary>
    private static string Fingerprint(TrainingOptions training, LabelVocabulary vocabulary, LabeledImages train, LabeledImages validation)
    {
        var text = new StringBuilder();
        text.AppendLine(JsonSerializer.Serialize(training with { Threads = 0, Device = "auto" }, JsonFormat.Options));
        text.AppendLine(string.Join('\n', vocabulary.Labels));
        foreach (var image in train.Images.Images) text.Append("T ").AppendLine(image.Path);
        foreach (var image in validation.Images.Images) text.Append("V ").AppendLine(image.Path);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private sealed record RunPaths(string Folder)
    {
        public string Model => Path.Combine(Folder, "model.mlpkg");
        public string LastCheckpoint => Path.Combine(Folder, "last.ckpt");
        public string Labels => Path.Combine(Folder, "labels.json");
        public string Summary => Path.Combine(Folder, "summary.json");
    }
}
