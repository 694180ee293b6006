using MultiLabel.Data;

namespace MultiLabel.Tests.Data;

public class LabelFileTests
{
    [Fact]
    public void Reads_paths_relative_to_the_file_with_semicolon_separated_labels()
    {
        using var folder = TestData.NewTempFolder();
        folder.Copy(TestData.BadInput("black_dress/ok_1.jpg"), "img/one.jpg");
        folder.Copy(TestData.BadInput("black_dress/ok_2.jpg"), "img/two, with comma.jpg");
        folder.Copy(TestData.BadInput("black_dress/ok_3.jpg"), "img/three.jpg");
        File.WriteAllText(folder.Combine("labels.csv"),
            "path,labels\n" +
            "img/one.jpg,red;dress\n" +
            "\"img/two, with comma.jpg\",blue;jeans\n" +
            "img/three.jpg,\n" +
            "img/missing.jpg,red\n" +
            "img/one.jpg,black\n");

        var scan = ImageSource.Open(folder.Combine("labels.csv"));

        var labels = scan.Images.ToDictionary(i => Path.GetFileName(i.Path), i => i.Labels);
        Assert.Equal(["dress", "red"], labels["one.jpg"]);
        Assert.Equal(["blue", "jeans"], labels["two, with comma.jpg"]);
        Assert.Empty(labels["three.jpg"]);
        Assert.Equal(2, scan.Skipped.Count);
        Assert.Contains(scan.Skipped, s => s.Path.EndsWith("missing.jpg") && s.Reason.Contains("line 5") && s.Reason.Contains("not found"));
        Assert.Contains(scan.Skipped, s => s.Path.EndsWith("one.jpg") && s.Reason.Contains("line 6"));
    }

    [Fact]
    public void A_file_without_header_reads_its_first_line_as_data()
    {
        using var folder = TestData.NewTempFolder();
        folder.Copy(TestData.BadInput("black_dress/ok_1.jpg"), "a.jpg");
        File.WriteAllText(folder.Combine("labels.csv"), "a.jpg,green;shirt\n");

        var image = Assert.Single(LabelFile.Read(folder.Combine("labels.csv")).Images);

        Assert.Equal(["green", "shirt"], image.Labels);
        Assert.Null(image.Folder);
    }
}
