using MultiLabel.Data;
using MultiLabel.Metrics;

namespace MultiLabel.Inference;

/// <summary>How a model is scored on a labelled dataset.</summary>
public sealed record EvaluationOptions
{
    /// <summary>How labels are read from folder names.</summary>
    public ImageSourceOptions Source { get; init; } = new();

    /// <summary>The decode cache folder; <c>null</c> turns caching off.</summary>
    public string? CacheDirectory { get; init; } = ImageCache.DefaultDirectory;

    /// <summary>One threshold for every label, overriding the thresholds stored in the model.</summary>
    public float? Threshold { get; init; }

    /// <summary>Images per forward pass.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Decoding threads; 0 uses every core.</summary>
    public int Threads { get; init; }

    /// <summary>How many of the most confused label pairs to keep.</summary>
    public int ConfusedPairs { get; init; } = 10;
}

/// <summary>Progress of running images through a model: images done of the total.</summary>
public readonly record struct InferenceProgress(int Done, int Total);

/// <summary>Where an evaluation reports its progress; every member is optional.</summary>
public sealed record EvaluationObserver
{
    /// <summary>Decoding progress.</summary>
    public IProgress<DecodeProgress>? Decoding { get; init; }

    /// <summary>Images run through the model so far.</summary>
    public IProgress<InferenceProgress>? Predicting { get; init; }
}

/// <summary>An image the model got wrong: what it carries, what was predicted, and how sure the worst mistake was.</summary>
/// <param name="Image">The image and its labels as read from the dataset.</param>
/// <param name="Predicted">The labels the model gave it, highest score first.</param>
/// <param name="WorstLabel">The label of the most confident wrong decision.</param>
/// <param name="WorstScore">The model's probability for <paramref name="WorstLabel"/>.</param>
/// <param name="Error">|probability − target| of that decision: near 1 is a confident mistake.</param>
public sealed record ImageMistake(ImageRecord Image, IReadOnlyList<string> Predicted, string WorstLabel, float WorstScore, double Error)
{
    /// <summary>True when the worst mistake is a label the image carries but the model missed; false when it predicted one the image does not carry.</summary>
    public bool Missed => Image.Labels.Contains(WorstLabel);
}

/// <summary>
/// A trained model scored on a labelled dataset (the folder or label-file formats of training): the
/// images are decoded through the cache at the model's input size, their labels encoded with the
/// model's vocabulary (labels the model does not know are counted, not fatal; an image whose labels
/// are all unknown counts with all-negative targets), predicted in batches and evaluated.
/// </summary>
public sealed class ModelEvaluation
{
    private readonly float[] probabilities;
    private readonly float[] targets;
    private readonly MultiLabelEvaluator evaluator;

    private ModelEvaluation(string data, Predictor predictor, IReadOnlyList<float> thresholds, IReadOnlyList<ImageRecord> images,
        float[] probabilities, float[] targets, IReadOnlyList<SkippedFile> skipped, IReadOnlyDictionary<string, int> unknownLabels, int confusedPairs)
    {
        Data = data;
        Manifest = predictor.Manifest;
        Labels = predictor.Vocabulary.Labels;
        Thresholds = thresholds;
        Images = images;
        this.probabilities = probabilities;
        this.targets = targets;
        Skipped = skipped;
        UnknownLabels = unknownLabels;
        evaluator = new MultiLabelEvaluator(Labels, thresholds);
        evaluator.Update(probabilities, targets);
        Result = evaluator.Compute();
        ConfusedPairs = evaluator.MostConfusedPairs(confusedPairs);
    }

    /// <summary>Scores <paramref name="predictor"/>'s model on the dataset folder or label file at <paramref name="data"/>.</summary>
    /// <exception cref="DatasetException">The dataset is missing or holds no usable image.</exception>
    public static ModelEvaluation Run(Predictor predictor, string data, EvaluationOptions? options = null,
        EvaluationObserver? observer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        options ??= new EvaluationOptions();
        observer ??= new EvaluationObserver();
        var loaded = DatasetLoader.Load(data, new DatasetLoadOptions
        {
            Source = options.Source,
            ImageSize = predictor.ImageSize,
            CacheDirectory = options.CacheDirectory,
            Threads = options.Threads,
        }, observer.Decoding, cancellationToken);
        var images = loaded.Pixels.Images;
        if (images.Count == 0)
            throw new DatasetException(
                $"No usable images in {data}" + (loaded.Scan.Skipped.Count > 0 ? $" ({loaded.Scan.Skipped.Count} {(loaded.Scan.Skipped.Count == 1 ? "file" : "files")} skipped)" : "") +
                ". Give a folder of label-named subfolders (black_dress/photo1.jpg) or a CSV label file.");

        var vocabulary = predictor.Vocabulary;
        var unknown = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var targets = new float[images.Count * vocabulary.Count];
        for (int i = 0; i < images.Count; i++)
        {
            var missing = new HashSet<string>(StringComparer.Ordinal);
            vocabulary.Encode(images[i].Labels, missing).CopyTo(targets, i * vocabulary.Count);
            foreach (string label in missing) unknown[label] = unknown.GetValueOrDefault(label) + 1;
        }
        var probabilities = predictor.PredictProbabilities(loaded.Pixels, Math.Max(1, options.BatchSize), cancellationToken,
            observer.Predicting is { } predicting ? new Forward(done => predicting.Report(new InferenceProgress(done, images.Count))) : null);
        IReadOnlyList<float> thresholds = options.Threshold is { } t ? Enumerable.Repeat(t, vocabulary.Count).ToArray() : predictor.Manifest.Thresholds;
        return new ModelEvaluation(loaded.Scan.Source, predictor, thresholds, images, probabilities, targets,
            loaded.Scan.Skipped, unknown.AsReadOnly(), options.ConfusedPairs);
    }

    /// <summary>Forwards reports synchronously (unlike <see cref="Progress{T}"/>, which posts them).</summary>
    private sealed class Forward(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    /// <summary>The dataset folder or label file that was read.</summary>
    public string Data { get; }

    /// <summary>The manifest of the model that was scored.</summary>
    public Persistence.BundleManifest Manifest { get; }

    /// <summary>The model's labels, in output order.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The threshold each label was decided at (the model's, or the override).</summary>
    public IReadOnlyList<float> Thresholds { get; }

    /// <summary>The images evaluated, in the order of <see cref="ScoresOf"/>.</summary>
    public IReadOnlyList<ImageRecord> Images { get; }

    /// <summary>Files left out of the dataset (not images, undecodable), each with its reason.</summary>
    public IReadOnlyList<SkippedFile> Skipped { get; }

    /// <summary>Labels in the data that the model does not know, with the number of images carrying each.</summary>
    public IReadOnlyDictionary<string, int> UnknownLabels { get; }

    /// <summary>Every metric, overall and per label.</summary>
    public EvaluationResult Result { get; }

    /// <summary>The label pairs the model confuses most (see <see cref="MultiLabelEvaluator.MostConfusedPairs"/>).</summary>
    public IReadOnlyList<ConfusedPair> ConfusedPairs { get; }

    /// <summary>The probability of each label for image <paramref name="image"/>, in output order.</summary>
    public ReadOnlySpan<float> ScoresOf(int image) => probabilities.AsSpan(image * Labels.Count, Labels.Count);

    /// <summary>The 0/1 target of each label for image <paramref name="image"/>, in output order.</summary>
    public ReadOnlySpan<float> TargetsOf(int image) => targets.AsSpan(image * Labels.Count, Labels.Count);

    /// <summary>The precision–recall curve of the label at <paramref name="label"/> (an index into <see cref="Labels"/>).</summary>
    public PrecisionRecallCurve PrecisionRecall(int label) => evaluator.PrecisionRecall(label);

    /// <summary>The labels predicted for image <paramref name="image"/>, highest score first.</summary>
    public IReadOnlyList<string> PredictedLabels(int image)
    {
        var scores = ScoresOf(image);
        var chosen = new List<(string Label, float Score)>();
        for (int l = 0; l < Labels.Count; l++)
            if (scores[l] >= Thresholds[l]) chosen.Add((Labels[l], scores[l]));
        return chosen.OrderByDescending(c => c.Score).Select(c => c.Label).ToArray();
    }

    /// <summary>
    /// The images with at least one wrong label decision, most confident mistake first: ordered by the
    /// largest |probability − target| among their wrong decisions; at most <paramref name="count"/>.
    /// </summary>
    public IReadOnlyList<ImageMistake> MostConfidentlyWrong(int count = 12)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var mistakes = new List<(int Image, int Label, double Error)>();
        for (int i = 0; i < Images.Count; i++)
        {
            var scores = ScoresOf(i);
            var truth = TargetsOf(i);
            int worst = -1;
            double error = -1;
            for (int l = 0; l < Labels.Count; l++)
            {
                bool predicted = scores[l] >= Thresholds[l], actual = truth[l] >= 0.5f;
                double e = Math.Abs(scores[l] - truth[l]);
                if (predicted != actual && e > error) (worst, error) = (l, e);
            }
            if (worst >= 0) mistakes.Add((i, worst, error));
        }
        return mistakes
            .OrderByDescending(m => m.Error).ThenBy(m => m.Image)
            .Take(count)
            .Select(m => new ImageMistake(Images[m.Image], PredictedLabels(m.Image), Labels[m.Label], ScoresOf(m.Image)[m.Label], m.Error))
            .ToArray();
    }
}
