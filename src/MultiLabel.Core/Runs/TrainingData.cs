using MultiLabel.Data;
using MultiLabel.Training;

namespace MultiLabel.Runs;

/// <summary>A run's data, read, decoded and split: the training and validation images, the labels, the files left out.</summary>
internal sealed record TrainingData(LabeledImages Train, LabeledImages Validation, LabelVocabulary Vocabulary, IReadOnlyList<SkippedFile> Skipped)
{
    /// <summary>Reads <see cref="TrainingRunOptions.Data"/> (and the validation data, when given) at the recipe's size and splits it.</summary>
    public static TrainingData Load(TrainingRunOptions options, TrainingOptions recipe, TrainingObserver observer, CancellationToken cancellationToken)
    {
        var load = new DatasetLoadOptions
        {
            Source = options.Source,
            ImageSize = recipe.ImageSize,
            CacheDirectory = options.CacheDirectory,
            Threads = options.Threads,
            MaxPixels = options.MaxPixels,
        };
        var data = DatasetLoader.Load(options.Data, load, observer.Decoding, cancellationToken);
        var skipped = data.Scan.Skipped.ToList();
        data.Scan.EnsureTrainable();
        var vocabulary = LabelVocabulary.FromImages(data.Scan.Images);

        if (options.ValidationData is { } validationPath)
        {
            var held = DatasetLoader.Load(validationPath, load, observer.Decoding, cancellationToken);
            skipped.AddRange(held.Scan.Skipped);
            if (held.Pixels.Count == 0) throw new DatasetException($"No usable validation images in {validationPath}.");
            var unknown = new SortedSet<string>(StringComparer.Ordinal);
            var validation = LabeledImages.Encode(held.Pixels, vocabulary, unknown);
            if (unknown.Count > 0)
                observer.Messages?.Report($"validation labels not in the training data, ignored: {string.Join(", ", unknown)}");
            Report(observer, skipped);
            return new TrainingData(LabeledImages.Encode(data.Pixels, vocabulary), validation, vocabulary, skipped);
        }

        var all = LabeledImages.Encode(data.Pixels, vocabulary);
        var split = Splitter.Split(recipe.Split, data.Scan.Images.Select(i => i.Labels).ToArray(), recipe.ValidationFraction, recipe.Seed);
        Report(observer, skipped);
        return new TrainingData(all.Subset(split.Train), all.Subset(split.Validation), vocabulary, skipped);
    }

    private static void Report(TrainingObserver observer, IReadOnlyList<SkippedFile> skipped)
    {
        foreach (var file in skipped) observer.Messages?.Report($"skipped {file.Path}: {file.Reason}");
    }
}
