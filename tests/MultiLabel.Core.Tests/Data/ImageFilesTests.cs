using MultiLabel.Data;

namespace MultiLabel.Tests.Data;

public class ImageFilesTests
{
    [Fact]
    public void A_folder_is_walked_for_images_by_extension_or_content_leaving_out_other_files()
    {
        string[] files = ImageFiles.Expand([TestData.BadInput("black_shirt")]).Files.Select(f => Path.GetFileName(f)).ToArray();

        // README.txt is neither; text named .jpg, a bare PNG header and a JPEG named .gif are kept (and fail or load later).
        Assert.Equal(["UPPER_a.JPG", "exif_rotated_a.jpg", "ok_1.jpg", "ok_2.jpg", "ok_3.jpg", "png_header_only_a.png", "really_jpeg_named_a.gif"], files);
    }

    [Fact]
    public void Folders_are_walked_recursively_and_files_keep_the_form_they_were_given_in()
    {
        var files = ImageFiles.Expand([TestData.BadInput("black_shoes")]).Files;

        Assert.Contains(TestData.BadInput("black_shoes/nested/deeper_a.jpg"), files);
        Assert.All(files, f => Assert.StartsWith(TestData.BadInput("black_shoes") + "/", f));
    }

    [Fact]
    public void Glob_patterns_are_expanded_with_double_star_for_any_depth()
    {
        string root = TestData.BadInputs;

        var jpgs = ImageFiles.Expand([root + "/**/*.jpg"]).Files;
        var okOnes = ImageFiles.Expand([root + "/black_[ds]*/ok_?.jpg"]).Files;

        Assert.Contains(root + "/black_shoes/nested/deeper_a.jpg", jpgs);
        Assert.Contains(root + "/black_dress/ok_1.jpg", jpgs);
        Assert.DoesNotContain(jpgs, f => !f.EndsWith(".jpg"));
        Assert.Equal(9, okOnes.Count);
        Assert.All(okOnes, f => Assert.Matches("/black_(dress|shirt|shoes)/ok_[123].jpg$", f));
    }

    [Fact]
    public void Relative_patterns_stay_relative()
    {
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, TestData.BadInput("black_dress"));

        var files = ImageFiles.Expand([relative + "/ok_*.jpg"]).Files;

        Assert.Equal(new[] { "ok_1.jpg", "ok_2.jpg", "ok_3.jpg" }.Select(f => relative + "/" + f), files);
    }

    [Fact]
    public void Inputs_that_name_nothing_are_reported_and_files_are_listed_once()
    {
        string ok = TestData.BadInput("black_dress/ok_1.jpg");

        var list = ImageFiles.Expand([ok, "/nonexistent.jpg", TestData.BadInputs + "/*/nothing-*.png", ok, TestData.BadInput("black_dress")]);

        Assert.Equal(["/nonexistent.jpg", TestData.BadInputs + "/*/nothing-*.png"], list.Unmatched);
        Assert.Equal(1, list.Files.Count(f => f == ok));
        Assert.Equal(ok, list.Files[0]);
    }
}
