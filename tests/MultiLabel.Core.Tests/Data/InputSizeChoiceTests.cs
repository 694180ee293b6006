using MultiLabel.Data;

namespace MultiLabel.Tests.Data;

public class InputSizeChoiceTests
{
    [Fact]
    public void Product_shots_up_to_256_px_get_128_and_the_larger_scene_photos_224()
    {
        var apparel = ImageSource.FromFolder(TestData.Samples).Images;
        var scenes = LabelFile.Read(Path.Combine(TestData.Datasets, "scenes", "miml_labels_1.csv")).Images;

        Assert.Equal((128, 128), InputSizeChoice.For(apparel));
        Assert.Equal((224, 384), InputSizeChoice.For(scenes));
    }

    [Fact]
    public void Without_a_readable_header_the_small_size_is_used()
    {
        using var folder = TestData.NewTempFolder();
        File.WriteAllText(folder.Combine("a.jpg"), "not an image");

        Assert.Equal((128, null), InputSizeChoice.For([new ImageRecord(folder.Combine("a.jpg"), ["x"])]));
    }
}
