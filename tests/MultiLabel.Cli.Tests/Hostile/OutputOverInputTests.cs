namespace MultiLabel.Cli.Tests.Hostile;

/// <summary>Issue 14, item 1: no output of a command ever replaces one of its inputs or its model; refusals come before any work.</summary>
[Collection(CliModelCollection.Name)]
public class OutputOverInputTests(CliModel model)
{
    [Fact]
    public void Annotating_into_the_input_folder_writes_copies_of_their_own_beside_untouched_originals()
    {
        using var folder = TestData.NewTempFolder();
        string photos = folder.CopyImages(TestData.Samples, "photos", 2, "black_dress", "blue_shirt");
        var before = Snapshot.Of(photos);

        var result = Cli.Run(photos, "predict", "--model", model.Path, ".", "--annotate", ".");

        Assert.True(result.ExitCode == 0, result.ToString());
        var after = Snapshot.Of(photos);
        Assert.All(before, file => Assert.Equal(file.Value, after[file.Key]));
        Assert.Equal(before.Keys.Select(k => k.Replace(".jpg", ".annotated.jpg")).Order(StringComparer.Ordinal), after.Keys.Except(before.Keys));
    }

    [Fact]
    public void An_annotated_copy_that_would_replace_an_input_is_refused_before_anything_runs()
    {
        using var folder = TestData.NewTempFolder();
        string photos = folder.CopyImages(TestData.Samples, "photos", 1, "black_dress");
        string original = Directory.GetFiles(Path.Combine(photos, "black_dress"))[0];
        string earlier = Path.ChangeExtension(original, ".annotated.jpg");
        File.Copy(original, earlier); // an input now: the copy of the original would be written over it
        var before = Snapshot.Of(photos);

        var result = Cli.Run(folder.Path, "predict", "--model", model.Path, "photos/black_dress", "--annotate", "photos/black_dress");

        string clash = "photos/black_dress/" + Path.GetFileName(earlier);
        Assert.Equal(64, result.ExitCode);
        Assert.Equal($"error: --annotate photos/black_dress would write {clash} over the input image {clash}; nothing was written: point --annotate elsewhere.",
            result.Stderr.Trim());
        Assert.Equal("", result.Stdout);
        Assert.Equal(before, Snapshot.Of(photos));
    }

    [Fact]
    public void Exporting_onto_the_model_itself_or_a_link_to_it_is_refused_and_the_model_is_kept()
    {
        using var folder = TestData.NewTempFolder();
        File.Copy(model.Path, folder.Combine("m.mlpkg"));
        File.CreateSymbolicLink(folder.Combine("link.onnx"), "m.mlpkg");
        var before = Snapshot.Of(folder.Path);

        var same = Cli.Run(folder.Path, "export", "--model", "m.mlpkg", "--onnx", "m.mlpkg");
        var linked = Cli.Run(folder.Path, "export", "--model", "m.mlpkg", "--onnx", "link.onnx");

        Assert.Equal(64, same.ExitCode);
        Assert.Equal("error: --onnx m.mlpkg would write m.mlpkg over the model m.mlpkg; nothing was written: point --onnx elsewhere.", same.Stderr.Trim());
        Assert.Equal(64, linked.ExitCode);
        Assert.Equal("error: --onnx link.onnx would write link.onnx over the model m.mlpkg; nothing was written: point --onnx elsewhere.", linked.Stderr.Trim());
        Assert.Equal(before, Snapshot.Of(folder.Path));
    }

    [Fact]
    public void Heat_maps_that_would_replace_an_input_are_refused_before_predicting()
    {
        using var folder = TestData.NewTempFolder();
        folder.Copy(Path.Combine(TestData.Samples, "black_dress", Directory.GetFiles(Path.Combine(TestData.Samples, "black_dress"))[0]), "photos/a.jpg");
        folder.Copy(Path.Combine(TestData.Samples, "blue_shirt", Directory.GetFiles(Path.Combine(TestData.Samples, "blue_shirt"))[0]), "photos/a.blue.png");
        var before = Snapshot.Of(folder.Combine("photos"));

        var result = Cli.Run(folder.Path, "predict", "--model", model.Path, "photos", "--explain", "photos");

        Assert.Equal(64, result.ExitCode);
        Assert.StartsWith("error: --explain photos would receive the overlay a.blue.png, which would replace the input image", result.Stderr.Trim());
        Assert.Equal(before, Snapshot.Of(folder.Combine("photos")));
    }

    [Fact]
    public void A_training_run_whose_outputs_would_replace_its_label_file_is_refused()
    {
        using var folder = TestData.NewTempFolder();
        string photos = folder.CopyImages(TestData.Samples, "run/photos", 3, "black_dress", "blue_shirt");
        var lines = Directory.GetFiles(photos, "*.jpg", SearchOption.AllDirectories)
            .Select(f => $"{Path.GetRelativePath(folder.Combine("run"), f)},{Path.GetFileName(Path.GetDirectoryName(f))!.Replace('_', ';')}");
        File.WriteAllLines(folder.Combine("run", "history.csv"), ["path,labels", .. lines]);
        var before = Snapshot.Of(folder.Path);

        var result = Cli.Run(folder.Path, "train", "--data", "run/history.csv", "--out", "run", "--epochs", "1", "--model", "smallervggnet", "--image-size", "32");

        Assert.Equal(64, result.ExitCode);
        Assert.Contains($"error: --out {folder.Combine("run")} would write {folder.Combine("run", "history.csv")} over the label file run/history.csv; " +
                        "nothing was written: point --out elsewhere.", result.Stderr);
        Assert.Equal(before, Snapshot.Of(folder.Path));
    }
}
