using MultiLabel.Reporting;

namespace MultiLabel.Tests.Reporting;

public class ExplanationFilesTests
{
    [Fact]
    public void Names_each_overlay_after_the_image_stem_and_the_label()
    {
        var paths = ExplanationFiles.Paths(["in/a/photo.jpg", "in/b.png"], [["black", "dress"], ["red"]], "out");

        Assert.Equal([["out/photo.black.png", "out/photo.dress.png"], ["out/b.red.png"]], paths);
    }

    [Fact]
    public void Equal_stems_from_different_folders_or_formats_get_numbered_in_input_order()
    {
        var paths = ExplanationFiles.Paths(["a/x.jpg", "b/x.jpg", "c/x.png", "x-2.jpg"], [["red"], ["red"], ["red"], ["red"]], "out");

        Assert.Equal(["out/x.red.png", "out/x-2.red.png", "out/x-3.red.png", "out/x-2-2.red.png"], paths.Select(p => p[0]));
    }

    [Fact]
    public void Characters_a_file_name_cannot_hold_become_underscores()
    {
        var paths = ExplanationFiles.Paths(["x.jpg"], [["t/shirt"]], "out");

        Assert.Equal("out/x.t_shirt.png", paths[0][0]);
    }

    [Fact]
    public void An_overlay_that_would_replace_an_input_image_is_refused_before_anything_is_written()
    {
        using var folder = TestData.NewTempFolder();
        string input = folder.Copy(TestData.BadInput("black_dress/ok_1.jpg"), "ok_1.red.png");
        string other = folder.Copy(TestData.BadInput("black_dress/ok_1.jpg"), "ok_1.jpg");

        var error = Assert.Throws<SettingException>(() => ExplanationFiles.Paths([other, input], [["red"], []], folder.Path));

        Assert.Equal("Explanation.Folder", error.Setting);
        Assert.Contains("would replace the input image", error.Message);
        Assert.Contains("ok_1.red.png", error.Message);
    }
}
