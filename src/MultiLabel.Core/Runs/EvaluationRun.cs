using MultiLabel.Data;
using MultiLabel.Inference;

namespace MultiLabel.Runs;

/// <summary>
/// Scores a model on a labelled dataset (the folder or label-file formats of training): the images are streamed
/// through the cache at the model's input size (decoded a batch or two ahead of the model, never all first), their
/// labels encoded with the model's vocabulary (labels the model does not know are counted, not fatal; an image whose
/// labels are all unknown counts with all-negative targets), predicted in batches and evaluated.
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
        var scan = ImageSource.Open(data, options.Source, cancellationToken);
        var cache = new ImageCache(options.CacheDirectory);
        var images = new List<ImageRecord>(scan.Images.Count);
        var skipped = scan.Skipped.ToList();
        var probabilities = new List<float>(scan.Images.Count * predictor.Vocabulary.Count);
        int done = 0;
        // Decoding (or reading the cache) runs a batch or two ahead of the model, so memory holds a few batches, not the dataset.
        foreach (var batch in cache.Stream(scan.Images, predictor.ImageSize, predictor.ImageSize, Math.Max(1, options.BatchSize), cancellationToken,
                     options.Threads, scan.Source, predictor.MaxPixels))
        {
            if (batch.Decoded.Count > 0) probabilities.AddRange(predictor.PredictBatch(batch.Pixels.Span, batch.Decoded.Count));
            foreach (int i in batch.Decoded) images.Add(scan.Images[i]);
            foreach (var (_, file) in batch.Failed) skipped.Add(file);
            done += batch.Count;
            observer.Predicting?.Report(new InferenceProgress(done, scan.Images.Count));
        }
        if (images.Count == 0)
            throw new DatasetException(
                $"No usable images in {data}" + (skipped.Count > 0 ? $" ({string.Join("; ", new DatasetScan(scan.Source, [], skipped).SkipSummary().Take(3))})" : "") +
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
        return new ModelEvaluation(scan.Source, predictor.Manifest, predictor.Decoder(options.Threshold), images, probabilities.ToArray(), targets,
            skipped, unknown.AsReadOnly(), options.ConfusedPairs);
    }
}
