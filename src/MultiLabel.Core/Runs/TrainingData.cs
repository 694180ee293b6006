using MultiLabel.Data;
using MultiLabel.Training;

namespace MultiLabel.Runs;

/// <summary>A run's data, read, decoded and split: the training and validation images, the labels, the files left out.</summary>
/// <param name="Train">The training images.</param>
/// <param name="Validation">The validation images.</param>
/// <param name="Vocabulary">The labels, from the training data.</param>
/// <param name="Skipped">Files left out, with reasons.</param>
/// <param name="Recipe">The recipe with its image size chosen from the data when it left it open.</param>
internal sealed record TrainingData(LabeledImages Train, LabeledImages Validation, LabelVocabulary Vocabulary, IReadOnlyList<SkippedFile> Skipped, TrainingOptions Recipe)
{
    /// <summary>Reads <see cref="TrainingRunOptions.Data"/> (and the validation data, when given) at the recipe's size and splits it.</summary>
    public static TrainingData Load(TrainingRunOptions options, TrainingOptions recipe, TrainingObserver observer, CancellationToken cancellationToken)
    {
        var scan = ImageSource.Open(options.Data, options.Source, cancellationToken);
        if (recipe.ImageSize is null)
        {
            var (size, median) = InputSizeChoice.For(scan.Images);
            recipe = recipe with { ImageSize = size };
            observer.Messages?.Report(median is { } m
                ? $"image size {size} px, chosen from the data (its median image is {m} px on the long side; set ImageSize to choose another)"
                : $"image size {size} px (no image header could be read to choose from)");
        }
        var load = new DatasetLoadOptions
        {
            Source = options.Source,
            ImageSize = recipe.InputSize,
            CacheDirectory = options.CacheDirectory,
            Threads = options.Threads,
            MaxPixels = options.MaxPixels,
        };
        var data = DatasetLoader.Load(scan, load, observer.Decoding, cancellationToken);
        var skipped = data.Scan.Skipped.ToList();
        foreach (string note in data.Scan.Notes) observer.Messages?.Report(note);
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
            return new TrainingData(LabeledImages.Encode(data.Pixels, vocabulary), validation, vocabulary, skipped, recipe);
        }

        var all = LabeledImages.Encode(data.Pixels, vocabulary);
        var split = Splitter.Split(recipe.Split, data.Scan.Images.Select(i => i.Labels).ToArray(), recipe.ValidationFraction, recipe.Seed);
        Report(observer, skipped);
        return new TrainingData(all.Subset(split.Train), all.Subset(split.Validation), vocabulary, skipped, recipe);
    }

    private static void Report(TrainingObserver observer, IReadOnlyList<SkippedFile> skipped)
    {
        if (skipped.Count <= 20)
        {
            foreach (var file in skipped) observer.Messages?.Report($"skipped {file.Path}: {file.Reason}");
            return;
        }
        // Hundreds of lines for one cause help nobody: the causes with counts and an example each.
        var summary = new DatasetScan("", [], skipped).SkipSummary();
        foreach (var group in summary.Take(5)) observer.Messages?.Report($"skipped {group}");
        if (summary.Count > 5) observer.Messages?.Report($"skipped for {summary.Count - 5} other reasons too (dataset inspect lists every file)");
    }
}
