using MultiLabel.Data;

namespace MultiLabel.Server.Batching;

/// <summary>
/// Bounds how many images the server decodes at once (<see cref="ServeOptions.MaxConcurrentDecodes"/>), across every
/// request: a decode may take the pixel budget's memory, so however many hostile requests arrive, decoding holds at most
/// this many images' worth; the others wait their turn.
/// </summary>
internal sealed class DecodeSlots(ServeOptions options) : IDisposable
{
    private readonly SemaphoreSlim slots = new(options.MaxConcurrentDecodes, options.MaxConcurrentDecodes);

    /// <summary>Decodes <paramref name="encoded"/> at <paramref name="size"/> px within <paramref name="maxPixels"/> once a slot is free.</summary>
    /// <exception cref="ImageDecodeException">The image cannot be decoded, or is over the budget.</exception>
    public async Task<DecodedImage> DecodeAsync(byte[] encoded, int size, long maxPixels, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        try
        {
            return ImageDecoder.Decode(encoded, size, size, maxPixels);
        }
        finally
        {
            slots.Release();
        }
    }

    public void Dispose() => slots.Dispose();
}
