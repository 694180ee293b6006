using MultiLabel.Data;
using MultiLabel.Training;

namespace MultiLabel.Tests.Training;

/// <summary>A few real sample images decoded small, for fast training tests.</summary>
internal static class TinyData
{
    private static readonly Lazy<(LabeledImages All, LabelVocabulary Vocabulary)> Cached = new(() =>
    {
        // Two images from each of the 24 folders: every label set is present.
        var scan = ImageSource.FromFolder(TestData.Samples);
        var images = scan.Images.GroupBy(i => i.Folder).SelectMany(g => g.Take(2)).ToArray();
        var decoded = new ImageCache(null).Load(images, 32, 32);
        var vocabulary = LabelVocabulary.FromImages(decoded.Images);
        return (LabeledImages.Encode(decoded, vocabulary), vocabulary);
    });

    public static LabelVocabulary Vocabulary => Cached.Value.Vocabulary;

    /// <summary>36 training and 12 validation images at 32×32.</summary>
    public static (LabeledImages Train, LabeledImages Validation) Split()
    {
        var all = Cached.Value.All;
        var validation = Enumerable.Range(0, all.Count).Where(i => i % 4 == 0).ToArray();
        var train = Enumerable.Range(0, all.Count).Where(i => i % 4 != 0).ToArray();
        return (all.Subset(train), all.Subset(validation));
    }

    /// <summary>Options for a fast CPU run: ResNet18 from scratch at 32 px.</summary>
    public static TrainingOptions Options(int epochs = 2) => TrainingOptions.Default with
    {
        Model = "resnet18",
        ImageSize = 32,
        Epochs = epochs,
        BatchSize = 8,
    };

    /// <summary>libtorch threads of the training tests: one, so runs compare bit for bit.</summary>
    public const int Threads = 1;
}
