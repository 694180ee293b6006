namespace MultiLabel.Data;

/// <summary>
/// Consecutive images of a stream (see <see cref="ImageCache.Stream"/>): those that decoded, their pixels packed
/// <c>[B,3,H,W]</c> in order, and those that failed with their reason.
/// </summary>
/// <param name="Start">Position of the batch's first image in the stream's input.</param>
/// <param name="Count">Number of input images the batch covers, decoded or not.</param>
/// <param name="Decoded">Positions in the input (from <paramref name="Start"/>) of the images that decoded, in order.</param>
/// <param name="Pixels">The decoded images' pixels back to back; valid until the stream moves two batches on.</param>
/// <param name="Failed">The images that could not be decoded, with their input positions.</param>
public sealed record ImageBatch(int Start, int Count, IReadOnlyList<int> Decoded, ReadOnlyMemory<byte> Pixels, IReadOnlyList<(int Index, SkippedFile File)> Failed);
