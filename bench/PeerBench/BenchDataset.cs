using MultiLabel.Data;
using MultiLabel.Training;

namespace MultiLabel.Bench;

/// <summary>
/// The labelled images of <c>--data</c> at <paramref name="size"/> px (through the decode cache, <c>--cache</c>, on
/// <c>--threads</c>) and a fixed order that spreads every folder over it: the benches that fit take their training and
/// validation images as consecutive runs of it.
/// </summary>
internal static class BenchDataset
{
    public static (LabeledImages All, int[] Order) Load(Arguments a, int size)
    {
        var load = new DatasetLoadOptions { ImageSize = size, CacheDirectory = a.Text("cache", ImageCache.DefaultDirectory), Threads = a.Int("threads", 0) };
        var data = DatasetLoader.Load(a.Required("data"), load);
        var all = LabeledImages.Encode(data.Pixels, LabelVocabulary.FromImages(data.Scan.Images));
        var order = Enumerable.Range(0, all.Count).OrderBy(i => (i * 7919L) % all.Count).ToArray();
        return (all, order);
    }
}
