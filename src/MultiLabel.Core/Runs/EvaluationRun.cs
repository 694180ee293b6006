using MultiLabel.Data;
using MultiLabel.Inference;

namespace MultiLabel.Runs;

/// <summary>
/// Scores a model on a labelled dataset (the folder or label-file formats of training): the images are decoded
/// through the cache at the model's input size, their labels encoded with the model's vocabulary (labels the model
/// does not know are counted, not fatal; an image whose labels are all unknown counts with all-negative targets),
/// predicted in batches and evaluated.
/// </summary>
public static class EvaluationRun
{
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
            MaxPixels = predictor.MaxPixels,
            CacheDirectory = options.CacheDirectory,
            Threads = options.Threads,
        }, observer.Decoding, cancellationToken);
        var images = loaded.Pixels.Images;
        if (images.Count == 0)
            throw new DatasetException(
                $"No usable images in {data}" + (loaded.Scan.Skipped.Count > 0 ? $" ({string.Join("; ", loaded.Scan.SkipSummary().Take(3))})" : "") +
                ". Give a folder of label-named subfolders (black_dress/photo1.jpg) or a label file whose names resolve (see dataset inspect).");

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
        return new ModelEvaluation(loaded.Scan.Source, predictor.Manifest, predictor.Decoder(options.Threshold), images, probabilities, targets,
            loaded.Scan.Skipped, unknown.AsReadOnly(), options.ConfusedPairs);
    }

    /// <summary>Forwards reports synchronously (unlike <see cref="Progress{T}"/>, which posts them).</summary>
    private sealed class Forward(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
