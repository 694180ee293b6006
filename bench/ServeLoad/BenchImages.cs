namespace MultiLabel.Bench;

/// <summary>The images both measurements use: the first <c>count</c> JPEGs under a folder (cycled if there are fewer), as bytes.</summary>
internal static class BenchImages
{
    public static byte[][] Load(string folder, int count)
    {
        var files = Directory.GetFiles(folder, "*.jpg", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0) throw new ArgumentException($"No .jpg images under {folder}.");
        return Enumerable.Range(0, count).Select(i => File.ReadAllBytes(files[i % files.Length])).ToArray();
    }
}
