using System.Text;

namespace MultiLabel.Data;

/// <summary>
/// One of <see cref="Count"/> parts of a list of files, so that N processes given the same inputs (one per part,
/// on any scheduler) together cover every file exactly once: a file belongs to part
/// <c>FNV-1a(path) mod N</c>, a function of its path alone — independent of the order files are listed in, of files
/// added or removed meanwhile, and of the machine. Every process must name the files by the same paths (the same
/// inputs, from the same folder or mount point).
/// </summary>
/// <param name="Index">This part, 0 to <paramref name="Count"/> − 1.</param>
/// <param name="Count">Number of parts.</param>
public readonly record struct FileShard(int Index, int Count)
{
    /// <summary>The whole list.</summary>
    public static FileShard All { get; } = new(0, 1);

    /// <summary>True when the file at <paramref name="path"/> belongs to this part.</summary>
    public bool Contains(string path)
    {
        if (Count <= 1) return true;
        ulong hash = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(path)) hash = (hash ^ b) * 1099511628211UL;
        return (int)(hash % (ulong)Count) == Index;
    }

    /// <summary>Reads <c>I/N</c>; false unless 0 ≤ I &lt; N.</summary>
    public static bool TryParse(string text, out FileShard shard)
    {
        shard = All;
        var parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0].Trim(), out int index) || !int.TryParse(parts[1].Trim(), out int count)) return false;
        if (count < 1 || index < 0 || index >= count) return false;
        shard = new FileShard(index, count);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Index}/{Count}";
}
