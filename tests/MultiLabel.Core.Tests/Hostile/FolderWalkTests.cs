using System.Diagnostics;
using MultiLabel.Data;

namespace MultiLabel.Tests.Hostile;

/// <summary>Issue 14, items 2 and 8: links, loops and undecodable names in a dataset folder.</summary>
public class FolderWalkTests
{
    /// <summary>Two images from each of the sample folders (24 label folders, 48 images).</summary>
    private static string Dataset(TempFolder folder)
    {
        foreach (var group in Directory.GetDirectories(TestData.Samples))
            foreach (string file in Directory.GetFiles(group).Order(StringComparer.Ordinal).Take(2))
                folder.Copy(file, Path.Combine("data", Path.GetFileName(group), Path.GetFileName(file)));
        return folder.Combine("data");
    }

    /// <summary>Each image's labels are those of the folder it really lies in.</summary>
    private static void AssertLabelledByTheirOwnFolders(DatasetScan scan, string root)
    {
        foreach (var image in scan.Images)
        {
            string real = Path.GetRelativePath(root, image.Path).Split('/')[0];
            Assert.Equal(real.Split('_').Order(StringComparer.Ordinal), image.Labels);
        }
    }

    [Fact]
    public void A_link_to_the_parent_folder_is_a_loop_left_out_and_no_image_is_relabelled()
    {
        using var folder = TestData.NewTempFolder();
        string data = Dataset(folder);
        File.CreateSymbolicLink(Path.Combine(data, "blue_shoes", "up"), "..");

        var scan = ImageSource.FromFolder(data);

        Assert.Equal(48, scan.Images.Count);
        AssertLabelledByTheirOwnFolders(scan, data);
        var loop = Assert.Single(scan.Skipped);
        Assert.Equal(Path.Combine(data, "blue_shoes", "up"), loop.Path);
        Assert.Equal($"it leads back to {data}, a folder it lies in (a loop); left out", loop.Reason);
    }

    [Fact]
    public void Crossing_links_cost_nothing()
    {
        using var folder = TestData.NewTempFolder();
        string data = Dataset(folder);
        File.CreateSymbolicLink(Path.Combine(data, "black_dress", "x"), "../blue_shoes");
        File.CreateSymbolicLink(Path.Combine(data, "blue_shoes", "y"), "../black_dress");

        var clock = Stopwatch.StartNew();
        var scan = ImageSource.FromFolder(data);

        Assert.True(clock.ElapsedMilliseconds < 5000, $"{clock.ElapsedMilliseconds} ms");
        Assert.Equal(48, scan.Images.Count);
        AssertLabelledByTheirOwnFolders(scan, data);
        Assert.Equal(2, scan.Skipped.Count(s => s.Reason.Contains("which is walked already; its images keep the labels of that folder")));
    }

    [Fact]
    public void A_link_out_of_the_dataset_is_left_out_unless_follow_links_is_set()
    {
        using var folder = TestData.NewTempFolder();
        string data = Dataset(folder);
        string elsewhere = folder.Copy(Directory.GetFiles(Path.Combine(TestData.Samples, "red_dress"))[0], "elsewhere/extra.jpg");
        File.CreateSymbolicLink(Path.Combine(data, "red_dress", "more"), folder.Combine("elsewhere"));
        File.CreateSymbolicLink(Path.Combine(data, "black_dress", "etc"), "/etc");

        var closed = ImageSource.FromFolder(data);
        var open = ImageSource.FromFolder(folder.Combine("data"), new ImageSourceOptions { FollowLinks = true });

        Assert.Equal(48, closed.Images.Count);
        Assert.Contains(closed.Skipped, s => s.Path.EndsWith("red_dress/more") &&
            s.Reason == $"it is a symbolic link to {folder.Combine("elsewhere")}, outside the dataset folder; links out of it are followed only with FollowLinks");
        Assert.Contains(closed.Skipped, s => s.Path.EndsWith("black_dress/etc") && s.Reason.StartsWith("it is a symbolic link to /etc, outside the dataset folder"));
        Assert.Contains(open.Images, i => i.Path == Path.Combine(data, "red_dress", "more", "extra.jpg") && i.Labels.SequenceEqual(["dress", "red"]));
        Assert.True(File.Exists(elsewhere));
    }

    [Fact]
    public void One_file_reached_through_folders_with_different_labels_is_a_reported_conflict()
    {
        using var folder = TestData.NewTempFolder();
        string data = Dataset(folder);
        string dress = Directory.GetFiles(Path.Combine(data, "black_dress")).Order(StringComparer.Ordinal).First();
        File.CreateSymbolicLink(Path.Combine(data, "blue_shoes", "linked.jpg"), dress);
        File.CreateSymbolicLink(Path.Combine(data, "black_dress", "again.jpg"), dress);

        var scan = ImageSource.FromFolder(data);

        Assert.Equal(47, scan.Images.Count);
        Assert.DoesNotContain(scan.Images, i => i.Path == dress);
        Assert.Contains(scan.Skipped, s => s.Path == dress && s.Reason.StartsWith("it is also reached through another folder that gives it other labels"));
        Assert.Contains(scan.Skipped, s => s.Path.EndsWith("blue_shoes/linked.jpg") &&
            s.Reason == $"it is the same file as {dress}, and their folders give different labels ({{blue, shoes}} here, {{black, dress}} there); it is left out until one of the two is removed");
        Assert.Contains(scan.Skipped, s => s.Path.EndsWith("black_dress/again.jpg") && s.Reason == $"it is the same file as {dress}, which is used once");
    }

    [Fact]
    public void Names_that_are_not_utf8_are_reported_not_lost()
    {
        using var folder = TestData.NewTempFolder();
        string data = Dataset(folder);
        string dress = Directory.GetFiles(Path.Combine(data, "black_dress")).Order(StringComparer.Ordinal).First();
        RawNames.RenameToInvalidUtf8(dress, Path.Combine(data, "black_dress"), "photo", ".jpg");
        RawNames.RenameToInvalidUtf8(Path.Combine(data, "red_shoes"), data, "red_shoes", "");

        var scan = ImageSource.FromFolder(data);

        Assert.Equal(45, scan.Images.Count);
        Assert.Contains(scan.Skipped, s => s.Path == Path.Combine(data, "black_dress", "photo\uFFFD.jpg") &&
            s.Reason == "its name is not valid UTF-8 (shown with \uFFFD where bytes cannot be decoded), so it cannot be opened; rename it");
        Assert.Contains(scan.Skipped, s => s.Path == Path.Combine(data, "red_shoes\uFFFD") &&
            s.Reason == "its name is not valid UTF-8 (shown with \uFFFD where bytes cannot be decoded), so it cannot be opened and nothing in it was read; rename it");
    }

    [Fact]
    public void The_walk_stops_when_cancelled()
    {
        using var folder = TestData.NewTempFolder();
        string data = Dataset(folder);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ImageSource.Open(data, cancellationToken: cancelled.Token));
    }
}
