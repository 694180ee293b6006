using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MultiLabel.Data;
using MultiLabel.Files;
using MultiLabel.Metrics;
using MultiLabel.Models;
using MultiLabel.Native;
using MultiLabel.Persistence;
using MultiLabel.Persistence.Records;
using MultiLabel.Reporting;
using MultiLabel.Training;
using MultiLabel.Training.Callbacks;
using TorchSharp;

namespace MultiLabel.Runs;

/// <summary>
/// One training run from a folder to a saved model: reads and decodes the data, splits it, builds the
/// network, fits it with the standard callbacks (best checkpoint, last checkpoint, CSV and curves,
/// plateau, early stopping), tunes per-label thresholds on the validation images and writes every output.
/// </summary>
public static class TrainingRun
{
    /// <summary>Runs <paramref name="options"/>; cancelling finishes the current step, saves last.ckpt and returns an interrupted result.</summary>
    /// <exception cref="SettingException">A setting cannot work (the message names it by property).</exception>
    /// <exception cref="DatasetException">The data is missing or cannot train a classifier.</exception>
    public static TrainingResult Run(TrainingRunOptions options, TrainingObserver? observer = null, CancellationToken cancellationToken = default)
    {
        observer ??= new TrainingObserver();
        var clock = Stopwatch.StartNew();
        options.Validate();
        var paths = new RunFolder(Path.GetFullPath(options.OutputDirectory));
        TrainingSnapshot? resume = options.Resume ? ReadCheckpoint(paths) : null;
        var recipe = resume?.Options ?? options.Training;
        recipe.Validate();
        if (!options.Resume && !options.Overwrite && File.Exists(paths.LastCheckpoint))
            throw new SettingException(nameof(TrainingRunOptions.OutputDirectory),
                $"{paths.Folder} already holds a training run. Continue it with Resume, replace it with Overwrite, or choose another OutputDirectory.",
                nameof(TrainingRunOptions.Resume), nameof(TrainingRunOptions.Overwrite));
        // A model without last.ckpt cannot be continued (the run finished and cleaned up, or was killed while writing its
        // first checkpoint): Resume would fail, so it is not offered.
        if (!options.Resume && !options.Overwrite && File.Exists(paths.Model))
            throw new SettingException(nameof(TrainingRunOptions.OutputDirectory),
                $"{paths.Folder} already holds a model.mlpkg and no last.ckpt to continue; replace it with Overwrite, or choose another OutputDirectory.",
                nameof(TrainingRunOptions.Overwrite));
        Directory.CreateDirectory(paths.Folder);
        var (leftovers, leftoverBytes) = AtomicFile.RemoveLeftovers(paths.Folder);
        if (leftovers > 0)
            observer.Messages?.Report($"removed {leftovers} temporary {(leftovers == 1 ? "file" : "files")} ({leftoverBytes / 1e6:0.#} MB) that an interrupted run left in {paths.Folder}");

        TorchRuntime.Configure(options.Threads);
        var device = TorchRuntime.ResolveDevice(options.Device);
        var data = TrainingData.Load(options, recipe, observer, cancellationToken);
        recipe = data.Recipe;
        var (train, validation, vocabulary) = (data.Train, data.Validation, data.Vocabulary);
        paths.EnsureNoInputReplaced(options, data);
        AtomicFile.WriteText(paths.Labels, vocabulary.ToJson());
        string fingerprint = Fingerprint(recipe, vocabulary, train, validation);
        if (resume != null && resume.Fingerprint != fingerprint)
            throw new SettingException(nameof(TrainingRunOptions.Resume),
                $"The last.ckpt in {paths.Folder} belongs to a run on other data (other images, labels or split). Resume it with the Data it was " +
                "started on, or start afresh there with Overwrite instead of Resume.", nameof(TrainingRunOptions.Overwrite), nameof(TrainingRunOptions.Data));

        torch.random.manual_seed(recipe.Seed);
        var info = ModelRegistry.Get(recipe.Model);
        using var network = info.Create(new ModelRequest(vocabulary.Count, recipe.InputSize));
        network.to(device);
        using var learner = new Learner(network, recipe, device);

        var manifests = new ManifestFactory(info, recipe, vocabulary);
        var best = new BestModelCheckpoint(paths.Model, recipe.Monitor, e => manifests.For(e));
        var callbacks = new List<ICallback>();
        if (recipe.Plateau is { } plateau && recipe.Schedule == LearningRateSchedule.Constant)
            callbacks.Add(new ReduceLearningRateOnPlateau(recipe.Monitor, plateau));
        if (recipe.EarlyStoppingPatience is { } patience) callbacks.Add(new EarlyStopping(recipe.Monitor, patience));
        callbacks.AddRange([best, new LastCheckpoint(paths.LastCheckpoint), new RunReportWriter(paths.Folder)]);
        if (options.AdaptiveThreads && device.type == DeviceType.CPU) callbacks.Add(new AdaptiveThreads(new ThreadGovernor(options.Threads), observer.Messages));
        callbacks.AddRange(observer.Callbacks);

        observer.Messages?.Report($"{train.Count} training and {validation.Count} validation images, {vocabulary.Count} labels; model {info.Name} at {recipe.InputSize}px on {device.type}");
        // Scanning, decoding and reading the pretrained weights leave garbage that training, which allocates
        // almost nothing managed, would otherwise keep resident the whole run: give it back before the first step.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var history = learner.Fit(train, validation, callbacks, fingerprint, resume, cancellationToken);
        if (history.Diverged is { } diverged) throw Diverged(diverged, recipe, paths, best, history, Learner.StepsPerEpoch(train.Count, recipe.BatchSize));

        var half = Enumerable.Repeat(0.5f, vocabulary.Count).ToArray();
        var thresholds = half;
        var final = new Dictionary<string, double>();
        var finalAtHalf = new Dictionary<string, double>();
        if (!history.Interrupted && best.BestEpoch == null && history.Epochs.Count > 0)
        {
            observer.Messages?.Report($"{recipe.Monitor.ColumnName()} was never a number (diverged?); saving the last epoch's weights.");
            ModelBundle.Save(paths.Model, manifests.For(history.Epochs[^1]), network);
        }
        else if (!history.Interrupted && best.BestEpoch is { } bestEpoch)
        {
            using (var weights = new MemoryStream(ModelBundle.ReadWeights(paths.Model))) network.load(weights);
            var (_, probabilities) = learner.Evaluate(validation);
            if (recipe.TuneThresholds) thresholds = ThresholdTuner.Choose(probabilities!, validation.Targets, vocabulary.Count);
            foreach (var (name, value) in Score(vocabulary, half, probabilities!, validation)) finalAtHalf["val_" + name] = value;
            foreach (var (name, value) in Score(vocabulary, thresholds, probabilities!, validation)) final["val_" + name] = value;
            var tuned = final.ToDictionary(p => p.Key + "_tuned", p => p.Value);
            ModelBundle.Save(paths.Model, manifests.For(bestEpoch, thresholds, recipe.TuneThresholds ? tuned : null), network);
        }

        var summary = new TrainingSummary
        {
            BestEpoch = best.BestEpoch?.Epoch,
            BestMetric = best.BestEpoch?.Monitored(recipe.Monitor),
            Monitor = recipe.Monitor.ColumnName(),
            EpochsRun = history.Epochs.Count,
            TrainImages = train.Count,
            ValImages = validation.Count,
            ImagesPerSecond = history.Epochs.Sum(e => e["images_per_second"] * e["seconds"]) / Math.Max(1e-9, history.Epochs.Sum(e => e["seconds"])),
            WallSeconds = clock.Elapsed.TotalSeconds,
            SkippedFiles = data.Skipped.Count,
            Interrupted = history.Interrupted,
            StopReason = history.StopReason,
            FinalMetrics = final,
            FinalMetricsAtHalf = finalAtHalf,
            Thresholds = vocabulary.Labels.Zip(thresholds).ToDictionary(p => p.First, p => p.Second),
        };
        AtomicFile.WriteText(paths.Summary, JsonSerializer.Serialize(summary, JsonFormat.Options));
        return new TrainingResult(history, paths.Model, summary, data.Skipped);
    }

    /// <summary>The error of a run that diverged: where, what is kept on disk (nothing of the diverged epoch is), and what to change.</summary>
    private static TrainingDivergedException Diverged(History.Divergence where, TrainingOptions recipe, RunFolder paths, BestModelCheckpoint best,
        History history, int steps)
    {
        string at = where.Step > 0 ? $"epoch {where.Epoch}, step {where.Step} of {steps}" : $"epoch {where.Epoch}'s validation";
        string kept = history.Epochs.Count == 0
            ? "nothing was saved, as no epoch had ended"
            : $"{Path.GetFileName(paths.LastCheckpoint)} (epoch {history.Epochs[^1].Epoch})" +
              (best.BestEpoch is { } b && File.Exists(paths.Model) ? $" and {Path.GetFileName(paths.Model)} (best epoch {b.Epoch})" : "") +
              " are kept from before it";
        return new TrainingDivergedException(
            $"Training diverged at {at}: {where.What}, so it stopped; {kept}. Lower LearningRate (it was {recipe.LearningRate:G3}) " +
            $"and start afresh with Overwrite.", nameof(TrainingOptions.LearningRate), nameof(TrainingRunOptions.Overwrite));
    }

    /// <summary>The summary metrics of <paramref name="probabilities"/> on <paramref name="data"/> at <paramref name="thresholds"/>.</summary>
    private static IEnumerable<KeyValuePair<string, double>> Score(LabelVocabulary vocabulary, float[] thresholds, float[] probabilities, LabeledImages data)
    {
        var evaluator = new MultiLabelEvaluator(vocabulary.Labels, thresholds);
        evaluator.Update(probabilities, data.Targets);
        return evaluator.Compute().SummaryMetrics();
    }

    /// <summary>The snapshot in the run folder's last.ckpt; a missing or damaged one is a <see cref="SettingException"/> on Resume with one way on.</summary>
    private static TrainingSnapshot ReadCheckpoint(RunFolder paths)
    {
        const string resume = nameof(TrainingRunOptions.Resume), overwrite = nameof(TrainingRunOptions.Overwrite);
        if (!File.Exists(paths.LastCheckpoint))
        {
            string why = File.Exists(paths.Model)
                ? $"{paths.Folder} holds a model but no last.ckpt to continue (the run finished, or stopped before its first epoch was saved)"
                : $"{paths.Folder} holds no last.ckpt to continue";
            throw new SettingException(resume, $"Resume was asked for, but {why}. Start afresh there with Overwrite instead of Resume, " +
                                               "or set OutputDirectory to the folder of the interrupted run.", overwrite, nameof(TrainingRunOptions.OutputDirectory));
        }
        try
        {
            return TrainingCheckpoint.Load(paths.LastCheckpoint);
        }
        catch (ModelBundleException e)
        {
            throw new SettingException(resume, $"{e.Message} Start afresh there with Overwrite instead of Resume.", overwrite);
        }
    }

    /// <summary>A hash of everything that must match for a checkpoint to continue a run: the recipe, the labels and the split.</summary>
    private static string Fingerprint(TrainingOptions recipe, LabelVocabulary vocabulary, LabeledImages train, LabeledImages validation)
    {
        var text = new StringBuilder();
        text.AppendLine(JsonSerializer.Serialize(RecipeRecord.From(recipe), JsonFormat.Options));
        text.AppendLine(string.Join('\n', vocabulary.Labels));
        foreach (var image in train.Images.Images) text.Append("T ").AppendLine(image.Path);
        foreach (var image in validation.Images.Images) text.Append("V ").AppendLine(image.Path);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    /// <summary>The manifests a run saves: the network, its input and labels, the recipe, and the saved epoch's validation metrics.</summary>
    private sealed class ManifestFactory(ModelInfo info, TrainingOptions recipe, LabelVocabulary vocabulary)
    {
        private readonly BundleManifest template = BundleManifest.For(info.Name, recipe.InputSize, vocabulary.Labels, recipe.ResolveNormalization())
            with { Training = RecipeRecord.From(recipe) };

        public BundleManifest For(EpochRecord epoch, IReadOnlyList<float>? thresholds = null, IReadOnlyDictionary<string, double>? extra = null) =>
            template with
            {
                Thresholds = thresholds ?? template.Thresholds,
                Metrics = new Dictionary<string, double>(epoch.Values.Where(v => v.Key.StartsWith("val_")).Concat(extra ?? new Dictionary<string, double>()))
                {
                    ["best_epoch"] = epoch.Epoch,
                },
                Created = DateTimeOffset.UtcNow,
            };
    }
}
