namespace MultiLabel.Data;

/// <summary>
/// Images decoded once to 8-bit planar RGB at one size, in memory: the uint8 <c>[N,3,H,W]</c> a
/// training run batches from (never floating point, which would take four to eight times the memory).
/// </summary>
public sealed class DecodedImages
{
    private readonly byte[][] pixels;

    /// <summary>Creates a set from one planar RGB array per image.</summary>
    public DecodedImages(IReadOnlyList<ImageRecord> images, byte[][] pixels, int width, int height, IReadOnlyList<SkippedFile> failed)
    {
        if (images.Count != pixels.Length) throw new ArgumentException("One pixel array per image is needed.", nameof(pixels));
        if (pixels.Any(p => p.Length != 3 * width * height)) throw new ArgumentException($"Each image must hold 3×{height}×{width} bytes.", nameof(pixels));
        Images = images;
        this.pixels = pixels;
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
    public int Count => pixels.Length;

    /// <summary>Bytes per image: 3 × height × width.</summary>
    public int ImageBytes => 3 * Width * Height;

    /// <summary>The planar RGB bytes of image <paramref name="i"/>.</summary>
    public ReadOnlySpan<byte> Pixels(int i) => pixels[i];

    /// <summary>Copies the images at <paramref name="indices"/> into <paramref name="destination"/> as one <c>[B,3,H,W]</c> block.</summary>
    public void CopyBatch(ReadOnlySpan<int> indices, Span<byte> destination)
    {
        int size = ImageBytes;
        for (int b = 0; b < indices.Length; b++)
            pixels[indices[b]].CopyTo(destination.Slice(b * size, size));
    }

    /// <summary>The subset at <paramref name="indices"/>, sharing pixel arrays.</summary>
    public DecodedImages Subset(IReadOnlyList<int> indices) =>
        new(indices.Select(i => Images[i]).ToArray(), indices.Select(i => pixels[i]).ToArray(), Width, Height, []);
}
