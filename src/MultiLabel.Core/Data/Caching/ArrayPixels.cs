namespace MultiLabel.Data.Caching;

/// <summary>Images held as one managed array each.</summary>
internal sealed class ArrayPixels(byte[][] arrays) : PixelSource
{
    /// <inheritdoc/>
    public override bool InMemory => true;

    /// <inheritdoc/>
    public override ReadOnlySpan<byte> Span(int slot) => arrays[slot];

    /// <inheritdoc/>
    public override void Copy(int slot, Span<byte> destination) => arrays[slot].CopyTo(destination);
}
