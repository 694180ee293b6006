namespace MultiLabel.Data.Caching;

/// <summary>Somewhere decoded images live, each at a slot: arrays in memory, or a cache shard mapped from disk.</summary>
internal abstract class PixelSource
{
    /// <summary>Copies the image at <paramref name="slot"/> into <paramref name="destination"/> (exactly one image's bytes).</summary>
    public abstract void Copy(int slot, Span<byte> destination);

    /// <summary>True when <see cref="Span"/> gives the pixels without a copy.</summary>
    public virtual bool InMemory => false;

    /// <summary>The image at <paramref name="slot"/> without a copy; only where <see cref="InMemory"/>.</summary>
    public virtual ReadOnlySpan<byte> Span(int slot) => throw new NotSupportedException("These pixels are read from disk; copy them out instead.");
}
