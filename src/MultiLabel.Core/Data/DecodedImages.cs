using MultiLabel.Data.Caching;

namespace MultiLabel.Data;

/// <summary>
/// Images decoded once to 8-bit planar RGB at one size: the uint8 <c>[N,3,H,W]</c> a training run batches from
/// (never floating point, which would take four to eight times the memory). Through the decode cache the pixels stay
/// in the cache's memory-mapped shard files and are read batch by batch, so memory does not grow with the number of
/// images; without a cache they are held in memory.
/// </summary>
public sealed class DecodedImages
{
    private readonly PixelSource[] sources;
    private readonly int[] sourceOf;
    private readonly int[] slotOf;

    /// <summary>Creates a set from one planar RGB array per image, held in memory.</summary>
    public DecodedImages(IReadOnlyList<ImageRecord> images, byte[][] pixels, int width, int height, IReadOnlyList<SkippedFile> failed)
        : this(images, [new ArrayPixels(pixels)], new int[pixels.Length], Enumerable.Range(0, pixels.Length).ToArray(), width, height, failed)
    {
        if (images.Count != pixels.Length) throw new ArgumentException("One pixel array per image is needed.", nameof(pixels));
        if (pixels.Any(p => p.Length != 3 * width * height)) throw new ArgumentException($"Each image must hold 3×{height}×{width} bytes.", nameof(pixels));
    }

    /// <summary>A set whose image i lives at slot <paramref name="slotOf"/>[i] of source <paramref name="sourceOf"/>[i].</summary>
    internal DecodedImages(IReadOnlyList<ImageRecord> images, PixelSource[] sources, int[] sourceOf, int[] slotOf, int width, int height,
        IReadOnlyList<SkippedFile> failed)
    {
        if (sourceOf.Length != images.Count || slotOf.Length != images.Count)
            throw new ArgumentException("One source and slot per image is needed.", nameof(slotOf));
        Images = images;
        this.sources = sources;
        this.sourceOf = sourceOf;
        this.slotOf = slotOf;
        Width = width;
        Height = height;
        Failed = failed;
    }

    /// <summary>The images that decoded, in the order of the input.</summary>
    public IReadOnlyList<ImageRecord> Images { get; }

    /// <summary>Images that could not be decoded, each with its reason.</summary>
    public IReadOnlyList<SkippedFile> Failed { get; }

    /// <summary>Width of every image in pixels.</summary>
    public int Width { get; }

    /// <summary>Height of every image in pixels.</summary>
    public int Height { get; }

    /// <summary>Number of decoded images.</summary>
    public int Count => slotOf.Length;

    /// <summary>Bytes per image: 3 × height × width.</summary>
    public int ImageBytes => 3 * Width * Height;

    /// <summary>True when every image is held in memory (no cache shard is read).</summary>
    public bool InMemory => sources.All(s => s.InMemory);

    /// <summary>The planar RGB bytes of image <paramref name="i"/> (a copy when they are read from the cache's files).</summary>
    public ReadOnlySpan<byte> Pixels(int i)
    {
        var source = sources[sourceOf[i]];
        if (source.InMemory) return source.Span(slotOf[i]);
        var copy = new byte[ImageBytes];
        source.Copy(slotOf[i], copy);
        return copy;
    }

    /// <summary>Copies the images at <paramref name="indices"/> into <paramref name="destination"/> as one <c>[B,3,H,W]</c> block.</summary>
    public void CopyBatch(ReadOnlySpan<int> indices, Span<byte> destination)
    {
        int size = ImageBytes;
        for (int b = 0; b < indices.Length; b++)
        {
            int i = indices[b];
            sources[sourceOf[i]].Copy(slotOf[i], destination.Slice(b * size, size));
        }
    }

    /// <summary>The subset at <paramref name="indices"/>, sharing the pixels.</summary>
    public DecodedImages Subset(IReadOnlyList<int> indices) =>
        new(indices.Select(i => Images[i]).ToArray(), sources, indices.Select(i => sourceOf[i]).ToArray(), indices.Select(i => slotOf[i]).ToArray(),
            Width, Height, []);
}
