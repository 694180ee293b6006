using MultiLabel.Data;

namespace MultiLabel.Tests.Data.LabelFiles;

public class DelimitedLabelReaderTests
{
    private static string Scenes(string file) => Path.Combine(TestData.Datasets, "scenes", file);

    [Fact]
    public void Both_scene_label_files_are_read_as_published_with_the_same_labels()
    {
        var multiHot = LabelFile.Read(Scenes("miml_labels_1.csv"));
        var lists = LabelFile.Read(Scenes("miml_labels_2.csv"));

        Assert.Equal(LabelFileFormat.MultiHot, multiHot.Format);
        Assert.Equal(LabelFileFormat.PathLabels, lists.Format);
        Assert.Equal(1600, multiHot.Images.Count);
        Assert.Empty(multiHot.Skipped);
        Assert.Equal(["desert", "mountains", "sea", "sunset", "trees"], multiHot.LabelCounts().Keys);
        Assert.Equal(multiHot.LabelCounts(), lists.LabelCounts());
        Assert.Equal(multiHot.Images.Select(i => (i.Path, string.Join(",", i.Labels))), lists.Images.Select(i => (i.Path, string.Join(",", i.Labels))));
        Assert.Equal(Path.Combine(TestData.Datasets, "scenes", "images"), multiHot.ImagesDirectory);
        Assert.Contains(multiHot.Notes, n => n.Contains("images/"));
    }

    [Fact]
    public void A_kaggle_style_file_finds_extensionless_names_in_its_one_image_subfolder()
    {
        using var folder = TestData.NewTempFolder();
        for (int i = 0; i < 3; i++) folder.Copy(TestData.BadInput("black_pants/cmyk_a.jpg"), $"train/train_{i}.jpg");
        File.WriteAllText(folder.Combine("train_v2.csv"), "image_name,tags\ntrain_0,clear primary\ntrain_1,haze primary agriculture\ntrain_2,\ntrain_21983,clear\n");

        var scan = LabelFile.Read(folder.Combine("train_v2.csv"));

        Assert.Equal(3, scan.Images.Count);
        Assert.Equal(["agriculture", "haze", "primary"], scan.Images.Single(i => i.Path.EndsWith("train_1.jpg")).Labels);
        Assert.Equal(1, scan.UnlabeledImages);
        var missing = Assert.Single(scan.Skipped);
        Assert.Equal(SkipKind.NotFound, missing.Kind);
        Assert.Equal("1 × not found: train_21983 (no file with that stem)", Assert.Single(scan.SkipSummary()).ToString());
        Assert.True(scan.HasLabelFileProblems);
    }

    [Fact]
    public void A_celeba_table_reads_minus_one_as_absent_and_a_short_row_is_left_out()
    {
        using var folder = TestData.NewTempFolder();
        folder.Copy(TestData.BadInput("black_dress/ok_1.jpg"), "000001.jpg");
        folder.Copy(TestData.BadInput("black_dress/ok_2.jpg"), "000002.jpg");
        folder.Copy(TestData.BadInput("black_dress/ok_3.jpg"), "000003.jpg");
        File.WriteAllText(folder.Combine("list_attr_celeba.csv"), "image_id,Eyeglasses,Male,Smiling\n000001.jpg,-1,1,1\n000002.jpg,1,-1,-1\n000003.jpg,-1,1\n");

        var scan = LabelFile.Read(folder.Combine("list_attr_celeba.csv"));

        Assert.Equal(LabelFileFormat.MultiHot, scan.Format);
        Assert.Equal([["Male", "Smiling"], ["Eyeglasses"]], scan.Images.Select(i => i.Labels));
        var bad = Assert.Single(scan.Skipped);
        Assert.Equal(SkipKind.Malformed, bad.Kind);
        Assert.Contains("missing column 'Smiling'", bad.Detail);
        Assert.Contains("line 4", bad.Reason);
        Assert.Contains(scan.Notes, n => n.Contains("-1 is read as absent"));
    }

    [Fact]
    public void Minus_one_beside_zero_and_blank_cells_are_unknown_and_read_as_absent()
    {
        using var folder = TestData.NewTempFolder();
        folder.Copy(TestData.BadInput("black_dress/ok_1.jpg"), "a.jpg");
        folder.Copy(TestData.BadInput("black_dress/ok_2.jpg"), "b.jpg");
        File.WriteAllText(folder.Combine("labels.csv"), "file,effusion,edema\na.jpg,1,-1\nb.jpg,0,\n");

        var scan = LabelFile.Read(folder.Combine("labels.csv"));

        Assert.Equal([["effusion"], []], scan.Images.Select(i => i.Labels));
        Assert.Contains(scan.Notes, n => n.Contains("read as unknown"));
        Assert.Contains(scan.Notes, n => n.Contains("blank"));
    }

    [Fact]
    public void Pipe_separated_labels_keep_their_spaces_and_python_lists_are_read_as_lists()
    {
        using var folder = TestData.NewTempFolder();
        folder.Copy(TestData.BadInput("black_dress/ok_1.jpg"), "a.jpg");
        folder.Copy(TestData.BadInput("black_dress/ok_2.jpg"), "b.jpg");
        folder.Copy(TestData.BadInput("black_dress/ok_3.jpg"), "c.jpg");
        File.WriteAllText(folder.Combine("movies.csv"), "poster,genres\na.jpg,Science Fiction|Drama\nb.jpg,\"['Drama', 'Crime']\"\nc.jpg,\"[\"\"Comedy\"\"]\"\n");

        var scan = LabelFile.Read(folder.Combine("movies.csv"));

        Assert.Equal(LabelFileFormat.PathLabels, scan.Format);
        Assert.Equal([["Drama", "Science Fiction"], ["Crime", "Drama"], ["Comedy"]], scan.Images.Select(i => i.Labels));
    }

    [Fact]
    public void A_row_missing_its_labels_column_is_left_out_with_a_reason_and_the_rest_are_read()
    {
        using var folder = TestData.NewTempFolder();
        folder.Copy(TestData.BadInput("black_dress/ok_1.jpg"), "a.jpg");
        folder.Copy(TestData.BadInput("black_dress/ok_2.jpg"), "b.jpg");
        File.WriteAllText(folder.Combine("labels.csv"), "path,labels\na.jpg,red;dress\nb.jpg\n");

        var scan = LabelFile.Read(folder.Combine("labels.csv"));

        Assert.Single(scan.Images);
        Assert.Contains("missing column 'labels'", Assert.Single(scan.Skipped).Detail);
    }

    [Fact]
    public void A_name_two_files_share_as_stem_is_ambiguous()
    {
        using var folder = TestData.NewTempFolder();
        folder.Copy(TestData.BadInput("black_dress/ok_1.jpg"), "a.jpg");
        folder.Copy(TestData.BadInput("black_dress/alpha_a.png"), "a.png");
        File.WriteAllText(folder.Combine("labels.csv"), "a,red\n");

        var scan = LabelFile.Read(folder.Combine("labels.csv"));

        Assert.Empty(scan.Images);
        Assert.Equal(SkipKind.Ambiguous, Assert.Single(scan.Skipped).Kind);
    }

    [Fact]
    public void An_images_folder_that_does_not_exist_is_a_setting_error()
    {
        using var folder = TestData.NewTempFolder();
        File.WriteAllText(folder.Combine("labels.csv"), "a.jpg,red\n");

        var error = Assert.Throws<SettingException>(() => LabelFile.Read(folder.Combine("labels.csv"), new ImageSourceOptions { ImagesDirectory = folder.Combine("nope") }));

        Assert.Equal("ImagesDirectory", error.Setting);
    }
}
