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
    public void A_damaged_cache_entry_is_ignored_and_rewritten()
    {
        using var folder = TestData.NewTempFolder();
        ImageRecord[] images = [new(TestData.BadInput("black_dress/ok_1.jpg"), ["black", "dress"])];
        var cache = new ImageCache(folder.Combine("cache"));
        var first = cache.Load(images, 16, 16);
        string entry = Directory.EnumerateFiles(folder.Combine("cache"), "*.px", SearchOption.AllDirectories).Single();
        File.WriteAllBytes(entry, File.ReadAllBytes(entry)[..100]);

        var again = cache.Load(images, 16, 16);

        Assert.True(first.Pixels(0).SequenceEqual(again.Pixels(0)));
        Assert.Equal(5 + 3 * 16 * 16, new FileInfo(entry).Length);
    }

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
