using MultiLabel.Data;

namespace MultiLabel.Bench;

/// <summary>Decodes real images once into a raw uint8 <c>[N,3,S,S]</c> file that both the C# and the Python side read.</summary>
internal static class ImageDump
{
    public static Dictionary<string, object> Run(Arguments a)
    {
        int size = a.Int("size", 128), count = a.Int("count", 500);
        var images = ImageSource.FromFolder(a.Required("data")).Images;
        // Spread over every folder: every k-th image in path order.
        int step = Math.Max(1, images.Count / count);
        var chosen = images.Where((_, i) => i % step == 0).Take(count).ToArray();
        var decoded = new ImageCache(a.Text("cache", ImageCache.DefaultDirectory)).Load(chosen, size, size);
        using (var file = File.Create(a.Required("out")))
            for (int i = 0; i < decoded.Count; i++) file.Write(decoded.Pixels(i));
        return new() { ["images"] = decoded.Count, ["size"] = size };
    }
}
