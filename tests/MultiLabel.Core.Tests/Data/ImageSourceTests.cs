using MultiLabel.Data;

namespace MultiLabel.Tests.Data;

public class ImageSourceTests
{
    [Fact]
    public void Folder_names_give_the_labels_and_nested_images_inherit_them()
    {
        var scan = ImageSource.FromFolder(TestData.BadInputs);

        var byName = scan.Images.ToDictionary(i => Path.GetRelativePath(TestData.BadInputs, i.Path));
        Assert.Equal(["black", "dress"], byName[Path.Combine("black_dress", "ok_1.jpg")].Labels);
        Assert.Equal(["black", "shoes"], byName[Path.Combine("black_shoes", "nested", "deeper_a.jpg")].Labels);
        Assert.Contains(Path.Combine("black_shirt", "really_jpeg_named_a.gif"), byName.Keys);
        Assert.Contains(Path.Combine("black_shirt", "UPPER_a.JPG"), byName.Keys);
    }

    [Fact]
    public void Files_that_are_not_images_are_skipped_by_content_with_a_reason()
    {
        var scan = ImageSource.FromFolder(TestData.BadInputs);

        var reasons = scan.Skipped.ToDictionary(s => Path.GetFileName(s.Path), s => s.Reason);
        Assert.Contains("text", reasons["README.txt"]);
        Assert.Contains("text", reasons["text_a.jpg"]);
        Assert.Contains("empty", reasons["empty_a.jpg"]);
        Assert.Contains("unrecognised", reasons["random_a.png"]);
        Assert.DoesNotContain(scan.Images, i => Path.GetFileName(i.Path) is "README.txt" or "empty_a.jpg" or "random_a.png");
    }

    [Fact]
    public void Files_in_the_root_are_skipped_because_they_have_no_labels()
    {
        using var folder = TestData.NewTempFolder();
        folder.Copy(TestData.BadInput("black_dress/ok_1.jpg"), "loose.jpg");
        folder.Copy(TestData.BadInput("black_dress/ok_2.jpg"), "red_dress/a.jpg");

        var scan = ImageSource.FromFolder(folder.Path);

        Assert.Single(scan.Images);
        var skipped = Assert.Single(scan.Skipped);
        Assert.EndsWith("loose.jpg", skipped.Path);
        Assert.Contains("root", skipped.Reason);
    }

    [Fact]
    public void The_label_separator_can_be_changed_and_labels_are_deduplicated_and_sorted()
    {
        using var folder = TestData.NewTempFolder();
        folder.Copy(TestData.BadInput("black_dress/ok_1.jpg"), "red-dress-red/a.jpg");

        var scan = ImageSource.FromFolder(folder.Path, new ImageSourceOptions { LabelSeparator = "-" });

        Assert.Equal(["dress", "red"], Assert.Single(scan.Images).Labels);
        Assert.Equal("red-dress-red", scan.Images[0].Folder);
    }

    [Fact]
    public void Label_sets_are_counted_under_the_folder_name_they_came_from()
    {
        var scan = ImageSource.FromFolder(TestData.Samples);

        var sets = scan.LabelSetCounts();
        Assert.Contains("red_dress", sets.Keys);
        Assert.DoesNotContain("dress_red", sets.Keys);
        Assert.Equal(24, sets.Count);
    }

    [Fact]
    public void An_empty_dataset_is_a_clear_error_naming_the_folder()
    {
        using var folder = TestData.NewTempFolder();
        Directory.CreateDirectory(folder.Combine("black_dress"));

        var error = Assert.Throws<DatasetException>(() => ImageSource.FromFolder(folder.Path).EnsureTrainable());

        Assert.Contains(folder.Path, error.Message);
        Assert.Contains("folders named after their labels", error.Message);
    }

    [Fact]
    public void A_single_label_set_is_a_clear_error()
    {
        using var folder = TestData.NewTempFolder();
        folder.Copy(TestData.BadInput("black_dress/ok_1.jpg"), "black_dress/a.jpg");
        folder.Copy(TestData.BadInput("black_dress/ok_2.jpg"), "black_dress/b.jpg");

        var error = Assert.Throws<DatasetException>(() => ImageSource.FromFolder(folder.Path).EnsureTrainable());

        Assert.Contains("same labels", error.Message);
    }

    [Fact]
    public void A_missing_dataset_path_is_a_clear_error()
    {
        var error = Assert.Throws<DatasetException>(() => ImageSource.Open("/no/such/folder"));
        Assert.Contains("/no/such/folder", error.Message);
    }
}
