using MultiLabel.Data;

namespace MultiLabel.Tests.Data;

public class CachePrunerTests
{
    [Fact]
    public void Entries_of_changed_and_deleted_files_are_removed_and_the_rest_still_read()
    {
        using var folder = TestData.NewTempFolder();
        var paths = Enumerable.Range(0, 4).Select(i => folder.Copy(TestData.BadInput("black_dress/ok_1.jpg"), $"data/red_dress/{i}.jpg")).ToArray();
        var images = paths.Select(p => new ImageRecord(p, ["dress", "red"])).ToArray();
        var cache = new ImageCache(folder.Combine("cache"));
        cache.Load(images, 16, 16);
        File.Delete(paths[0]);
        File.Delete(paths[1]);
        File.SetLastWriteTimeUtc(paths[2], DateTime.UtcNow.AddMinutes(5));

        var report = CachePruner.Prune(folder.Combine("cache"));

        Assert.Equal(1, report.CompactedShards);
        var progress = new List<DecodeProgress>();
        var again = cache.Load(images[3..], 16, 16, new Synchronous(progress));
        Assert.Equal(1, progress[^1].FromCache);
        Assert.True(again.Pixels(0).SequenceEqual(ImageDecoder.Decode(paths[3], 16, 16).Pixels));
    }

    [Fact]
    public void A_group_whose_files_are_all_gone_is_removed()
    {
        using var folder = TestData.NewTempFolder();
        string path = folder.Copy(TestData.BadInput("black_dress/ok_1.jpg"), "data/red_dress/a.jpg");
        new ImageCache(folder.Combine("cache")).Load([new ImageRecord(path, ["dress", "red"])], 16, 16);
        File.Delete(path);

        var report = CachePruner.Prune(folder.Combine("cache"));

        Assert.Equal(1, report.RemovedGroups);
        Assert.Empty(Directory.EnumerateFiles(folder.Combine("cache"), "*", SearchOption.AllDirectories));
        Assert.Equal(0, report.RemainingBytes);
    }

    [Fact]
    public void Old_leftovers_of_interrupted_writes_and_old_format_entries_go_while_a_write_in_progress_stays()
    {
        using var folder = TestData.NewTempFolder();
        string old = Write(folder.Combine("cache", "16x16", "0123456789abcdef0123", ".0001-x.99.tmp"));
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddHours(-3));
        string young = Write(folder.Combine("cache", "16x16", "0123456789abcdef0123", ".0002-x.99.tmp"));
        string legacy = Write(folder.Combine("cache", "128x128", "ab", "ab12.px"));

        CachePruner.Prune(folder.Combine("cache"));

        Assert.False(File.Exists(old));
        Assert.False(File.Exists(legacy));
        Assert.True(File.Exists(young));
    }

    [Fact]
    public void Over_the_size_limit_the_group_used_longest_ago_goes_first()
    {
        using var folder = TestData.NewTempFolder();
        string a = folder.Copy(TestData.BadInput("black_dress/ok_1.jpg"), "one/red_dress/a.jpg");
        string b = folder.Copy(TestData.BadInput("black_dress/ok_1.jpg"), "two/red_dress/b.jpg");
        var cache = new ImageCache(folder.Combine("cache"));
        cache.Load([new ImageRecord(a, ["dress", "red"])], 32, 32);
        var stamp = Directory.EnumerateFiles(folder.Combine("cache"), "dataset.txt", SearchOption.AllDirectories).Single();
        File.SetLastWriteTimeUtc(stamp, DateTime.UtcNow.AddDays(-2));
        cache.Load([new ImageRecord(b, ["dress", "red"])], 32, 32);
        long one = Directory.EnumerateFiles(Path.GetDirectoryName(stamp)!).Sum(f => new FileInfo(f).Length);

        var report = CachePruner.Prune(folder.Combine("cache"), sizeLimit: one + 100);

        Assert.Equal(1, report.RemovedGroups);
        Assert.False(File.Exists(stamp));
        var progress = new List<DecodeProgress>();
        cache.Load([new ImageRecord(b, ["dress", "red"])], 32, 32, new Synchronous(progress));
        Assert.Equal(1, progress[^1].FromCache);
    }

    [Fact]
    public void A_load_past_the_size_limit_removes_other_groups_but_never_its_own()
    {
        using var folder = TestData.NewTempFolder();
        string a = folder.Copy(TestData.BadInput("black_dress/ok_1.jpg"), "one/red_dress/a.jpg");
        string b = folder.Copy(TestData.BadInput("black_dress/ok_1.jpg"), "two/red_dress/b.jpg");
        new ImageCache(folder.Combine("cache")).Load([new ImageRecord(a, ["dress", "red"])], 32, 32);

        new ImageCache(folder.Combine("cache")) { SizeLimit = 1 }.Load([new ImageRecord(b, ["dress", "red"])], 32, 32, dataset: folder.Combine("two"));

        var groups = Directory.EnumerateFiles(folder.Combine("cache"), "dataset.txt", SearchOption.AllDirectories).ToArray();
        Assert.Equal(folder.Combine("two"), File.ReadAllText(Assert.Single(groups)));
    }

    private static string Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [1, 2, 3]);
        return path;
    }

    private sealed class Synchronous(List<DecodeProgress> seen) : IProgress<DecodeProgress>
    {
        public void Report(DecodeProgress value)
        {
            lock (seen) seen.Add(value);
        }
    }
}
