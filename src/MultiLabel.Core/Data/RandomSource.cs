namespace MultiLabel.Data;

/// <summary>
/// A seeded random stream (xoshiro256**) whose whole state is four numbers, so a checkpoint can save
/// it and a resumed run draws exactly what an uninterrupted one would have drawn.
/// </summary>
public sealed class RandomSource
{
    private ulong s0, s1, s2, s3;

    /// <summary>Starts the stream from <paramref name="seed"/> (expanded with SplitMix64).</summary>
    public RandomSource(long seed)
    {
        ulong x = (ulong)seed;
        s0 = SplitMix(ref x); s1 = SplitMix(ref x); s2 = SplitMix(ref x); s3 = SplitMix(ref x);
    }

    /// <summary>The full state, for checkpoints.</summary>
    public ulong[] State
    {
        get => [s0, s1, s2, s3];
        set
        {
            if (value.Length != 4 || value.All(v => v == 0)) throw new ArgumentException("A random state is four numbers, not all zero.");
            (s0, s1, s2, s3) = (value[0], value[1], value[2], value[3]);
        }
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(s1 * 5, 7) * 9;
        ulong t = s1 << 17;
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3;
        s2 ^= t;
        s3 = ulong.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public double Uniform(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>Uniform integer in [0, <paramref name="exclusiveMax"/>).</summary>
    public int Next(int exclusiveMax) => (int)(NextDouble() * exclusiveMax);

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher–Yates).</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
