using MultiLabel.Data;

namespace MultiLabel.Training;

/// <summary>Decoded images with their multi-hot targets, row-major <c>[N, labels]</c>.</summary>
public sealed class LabeledImages
{
    /// <summary>Pairs <paramref name="images"/> with <paramref name="targets"/>.</summary>
    public LabeledImages(DecodedImages images, float[] targets, int labelCount)
    {
        if (targets.Length != images.Count * labelCount)
            throw new ArgumentException($"Expected {images.Count}×{labelCount} targets, got {targets.Length}.", nameof(targets));
        Images = images;
        Targets = targets;
        LabelCount = labelCount;
    }

    /// <summary>Encodes the labels of <paramref name="images"/> with <paramref name="vocabulary"/>; unknown labels are added to <paramref name="unknown"/>.</summary>
    public static LabeledImages Encode(DecodedImages images, LabelVocabulary vocabulary, ISet<string>? unknown = null) =>
        new(images, vocabulary.EncodeAll(images.Images, unknown), vocabulary.Count);

    /// <summary>The pixels.</summary>
    public DecodedImages Images { get; }

    /// <summary>Multi-hot targets, one row per image.</summary>
    public float[] Targets { get; }

    /// <summary>Number of labels (row width of <see cref="Targets"/>).</summary>
    public int LabelCount { get; }

    /// <summary>Number of images.</summary>
    public int Count => Images.Count;

    /// <summary>The subset at <paramref name="indices"/>.</summary>
    public LabeledImages Subset(IReadOnlyList<int> indices)
    {
        var targets = new float[indices.Count * LabelCount];
        for (int i = 0; i < indices.Count; i++)
            Array.Copy(Targets, indices[i] * LabelCount, targets, i * LabelCount, LabelCount);
        return new LabeledImages(Images.Subset(indices), targets, LabelCount);
    }
}
