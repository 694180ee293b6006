using MultiLabel.Data;

namespace MultiLabel.Tests.Data;

public class ImageCacheTests
{
    [Fact]
    public void A_second_load_comes_from_the_disk_cache_with_the_same_pixels()
    {
        using var folder = TestData.NewTempFolder();
        var images = ImageSource.FromFolder(TestData.BadInputs).Images;
        var cache = new ImageCache(folder.Combine("cache"));

        var first = cache.Load(images, 24, 24);
        var progress = new Recorder();
        var second = cache.Load(images, 24, 24, progress);

        Assert.Equal(first.Count, second.Count);
        Assert.Equal(images.Count, progress.Last.FromCache);
        for (int i = 0; i < first.Count; i++) Assert.True(first.Pixels(i).SequenceEqual(second.Pixels(i)));
        Assert.Equal(first.Failed, second.Failed);
    }

    [Fact]
    public void Decode_failures_are_cached_with_their_reason()
    {
        using var folder = TestData.NewTempFolder();
        var images = ImageSource.FromFolder(TestData.BadInputs).Images;
        var cache = new ImageCache(folder.Combine("cache"));

        var first = cache.Load(images, 16, 16);

        Assert.Contains(first.Failed, f => f.Path.EndsWith("truncated_a.jpg") && f.Reason.Contains("truncated"));
        Assert.Contains(first.Failed, f => f.Path.EndsWith("png_header_only_a.png"));
        Assert.Equal(first.Failed, cache.Load(images, 16, 16).Failed);
    }

    [Fact]
    public void A_changed_file_or_another_size_is_decoded_again()
    {
        using var folder = TestData.NewTempFolder();
        string image = folder.Copy(TestData.BadInput("black_dress/ok_1.jpg"), "red_dress/a.jpg");
        ImageRecord[] images = [new(image, ["dress", "red"])];
        var cache = new ImageCache(folder.Combine("cache"));
        cache.Load(images, 16, 16);

        var otherSize = new Recorder();
        cache.Load(images, 20, 20, otherSize);
        File.Copy(TestData.BadInput("black_pants/ok_1.jpg"), image, overwrite: true);
        File.SetLastWriteTimeUtc(image, DateTime.UtcNow.AddMinutes(1));
        var changed = new Recorder();
        var reloaded = cache.Load(images, 16, 16, changed);

        Assert.Equal(0, otherSize.Last.FromCache);
        Assert.Equal(0, changed.Last.FromCache);
        Assert.True(reloaded.Pixels(0).SequenceEqual(ImageDecoder.Decode(image, 16, 16).Pixels));
    }

    [Fact]
    public void A_damaged_shard_is_ignored_and_the_images_decoded_again()
    {
        using var folder = TestData.NewTempFolder();
        ImageRecord[] images = [new(TestData.BadInput("black_dress/ok_1.jpg"), ["black", "dress"])];
        var cache = new ImageCache(folder.Combine("cache"));
        var first = cache.Load(images, 16, 16);
        string shard = Shards(folder).Single();
        var bytes = File.ReadAllBytes(shard);
        bytes[^3] ^= 0x5a; // inside the index: its hash no longer matches
        File.WriteAllBytes(shard, bytes);

        var progress = new Recorder();
        var again = cache.Load(images, 16, 16, progress);

        Assert.Equal(0, progress.Last.FromCache);
        Assert.True(first.Pixels(0).SequenceEqual(again.Pixels(0)));
        Assert.Equal(2, Shards(folder).Length);
    }

    [Fact]
    public void A_shard_left_half_written_by_a_crash_is_never_read()
    {
        using var folder = TestData.NewTempFolder();
        ImageRecord[] images = [new(TestData.BadInput("black_dress/ok_1.jpg"), ["black", "dress"])];
        var cache = new ImageCache(folder.Combine("cache"));
        cache.Load(images, 16, 16);
        string shard = Shards(folder).Single();
        // What a crash between writing and renaming leaves: the content under a temporary name, and a truncated copy.
        File.Copy(shard, Path.Combine(Path.GetDirectoryName(shard)!, ".00000000000000000-crashed.1234.tmp"));
        File.Delete(shard);
        File.WriteAllBytes(shard, File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(shard)!, ".00000000000000000-crashed.1234.tmp"))[..4500]);

        var progress = new Recorder();
        var again = cache.Load(images, 16, 16, progress);

        Assert.Equal(0, progress.Last.FromCache);
        Assert.True(again.Pixels(0).SequenceEqual(ImageDecoder.Decode(images[0].Path, 16, 16).Pixels));
    }

    [Fact]
    public void Images_read_from_the_cache_are_not_held_in_memory()
    {
        using var folder = TestData.NewTempFolder();
        var images = ImageSource.FromFolder(TestData.BadInputs).Images;
        var cache = new ImageCache(folder.Combine("cache"));

        var first = cache.Load(images, 24, 24);
        var second = cache.Load(images, 24, 24);

        Assert.False(first.InMemory);
        Assert.False(second.InMemory);
        Assert.True(new ImageCache(null).Load(images, 24, 24).InMemory);
        var batch = new byte[2 * second.ImageBytes];
        second.CopyBatch([1, 0], batch);
        Assert.True(batch.AsSpan(0, second.ImageBytes).SequenceEqual(first.Pixels(1)));
        Assert.True(batch.AsSpan(second.ImageBytes).SequenceEqual(first.Pixels(0)));
    }

    [Fact]
    public void Each_dataset_and_size_has_its_own_group_of_shards()
    {
        using var folder = TestData.NewTempFolder();
        string a = folder.Copy(TestData.BadInput("black_dress/ok_1.jpg"), "one/red_dress/a.jpg");
        string b = folder.Copy(TestData.BadInput("black_dress/ok_1.jpg"), "two/red_dress/a.jpg");
        var cache = new ImageCache(folder.Combine("cache"));

        cache.Load([new ImageRecord(a, ["dress", "red"])], 16, 16, dataset: folder.Combine("one"));
        cache.Load([new ImageRecord(b, ["dress", "red"])], 16, 16, dataset: folder.Combine("two"));
        cache.Load([new ImageRecord(b, ["dress", "red"])], 20, 20, dataset: folder.Combine("two"));

        var groups = Shards(folder).Select(s => Path.GetDirectoryName(s)!).Distinct().ToArray();
        Assert.Equal(3, groups.Length);
        Assert.All(groups, g => Assert.True(File.Exists(Path.Combine(g, "dataset.txt"))));
    }

    private static string[] Shards(TempFolder folder) =>
        Directory.EnumerateFiles(folder.Combine("cache"), "*.shard", SearchOption.AllDirectories).Order().ToArray();

    [Fact]
    public void Without_a_cache_folder_nothing_is_written()
    {
        ImageRecord[] images = [new(TestData.BadInput("black_dress/ok_1.jpg"), ["black", "dress"])];

        var loaded = new ImageCache(null).Load(images, 8, 8);

        Assert.Equal(1, loaded.Count);
        Assert.Equal(3 * 8 * 8, loaded.ImageBytes);
    }

    private sealed class Recorder : IProgress<DecodeProgress>
    {
        public DecodeProgress Last { get; private set; }

        public void Report(DecodeProgress value)
        {
            lock (this) if (value.Done >= Last.Done) Last = value;
        }
    }
}
