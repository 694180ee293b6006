using MultiLabel.Cli.Inputs;

namespace MultiLabel.Cli.Tests.Inputs;

public class InputPathsTests
{
    private const string ModelTakes = "--model takes the model.mlpkg a training run wrote, or the run folder holding it.";
    private const string DataTakes = "--data takes a folder of label-named subfolders (black_dress/photo.jpg) or a CSV label file.";

    [Fact]
    public void A_run_folder_stands_for_its_model_and_a_model_file_for_itself()
    {
        using var folder = TestData.NewTempFolder();
        string model = folder.Combine("run", "model.mlpkg");
        Directory.CreateDirectory(folder.Combine("run"));
        File.WriteAllBytes(model, [(byte)'P', (byte)'K', 3, 4, 0]);

        Assert.Equal(model, InputPaths.Model(folder.Combine("run"), "--model"));
        Assert.Equal(model, InputPaths.Model(model, "--model"));
    }

    [Fact]
    public void A_path_that_holds_no_model_is_one_sentence_naming_the_option()
    {
        using var folder = TestData.NewTempFolder();
        Directory.CreateDirectory(folder.Combine("run"));
        Directory.CreateDirectory(folder.Combine("other"));
        File.WriteAllText(folder.Combine("run", "history.csv"), "epoch,loss\n1,0.5\n");
        File.WriteAllBytes(folder.Combine("other", "best.mlpkg"), [(byte)'P', (byte)'K', 3, 4]);
        Directory.CreateDirectory(folder.Combine("model-run"));
        File.WriteAllBytes(folder.Combine("model-run", "model.mlpkg"), [(byte)'P', (byte)'K', 3, 4]);

        Assert.Equal($"--model {folder.Combine("run", "history.csv")} is not a MultiLabel model (model.mlpkg); {ModelTakes}",
            Assert.Throws<InputPathException>(() => InputPaths.Model(folder.Combine("run", "history.csv"), "--model")).Message);
        Assert.Equal($"--model {folder.Combine("run")} is a folder without a model.mlpkg; {ModelTakes}",
            Assert.Throws<InputPathException>(() => InputPaths.Model(folder.Combine("run"), "--model")).Message);
        Assert.Equal($"--model {folder.Combine("other")} is a folder without a model.mlpkg; did you mean {folder.Combine("other", "best.mlpkg")}?",
            Assert.Throws<InputPathException>(() => InputPaths.Model(folder.Combine("other"), "--model")).Message);
        Assert.Equal($"--model {folder.Path} is a folder without a model.mlpkg; did you mean {folder.Combine("model-run")}?",
            Assert.Throws<InputPathException>(() => InputPaths.Model(folder.Path, "--model")).Message);
        Assert.Equal($"--model {folder.Combine("gone")} does not exist; {ModelTakes}",
            Assert.Throws<InputPathException>(() => InputPaths.Model(folder.Combine("gone"), "--model")).Message);
        Assert.Equal($"{folder.Combine("run", "history.csv")} is not a MultiLabel model (model.mlpkg); info takes the model.mlpkg a training run wrote, or the run folder holding it.",
            Assert.Throws<InputPathException>(() => InputPaths.Model(folder.Combine("run", "history.csv"), "info")).Message);
    }

    [Fact]
    public void A_dataset_is_a_folder_or_a_text_label_file()
    {
        using var folder = TestData.NewTempFolder();
        File.WriteAllText(folder.Combine("labels.csv"), "path,labels\na.jpg,red;dress\n");
        File.WriteAllBytes(folder.Combine("utf16.csv"), [0xFF, 0xFE, (byte)'a', 0, (byte)',', 0, (byte)'b', 0]);

        Assert.Equal(TestData.Samples, InputPaths.Dataset(TestData.Samples, "--data"));
        Assert.Equal(folder.Combine("labels.csv"), InputPaths.Dataset(folder.Combine("labels.csv"), "--data"));
        Assert.Equal(folder.Combine("utf16.csv"), InputPaths.Dataset(folder.Combine("utf16.csv"), "--data"));
    }

    [Fact]
    public void An_image_or_a_binary_file_given_as_a_dataset_is_one_sentence_naming_the_option()
    {
        using var folder = TestData.NewTempFolder();
        string image = TestData.BadInput("black_dress/ok_1.jpg");
        File.WriteAllBytes(folder.Combine("model.mlpkg"), [(byte)'P', (byte)'K', 3, 4, 0, 0, 1]);

        Assert.Equal($"--data {image} is an image (JPEG), not a dataset; {DataTakes}",
            Assert.Throws<InputPathException>(() => InputPaths.Dataset(image, "--data")).Message);
        Assert.Equal($"--data {folder.Combine("model.mlpkg")} is not a CSV label file (it holds binary data); {DataTakes}",
            Assert.Throws<InputPathException>(() => InputPaths.Dataset(folder.Combine("model.mlpkg"), "--data")).Message);
        Assert.Equal($"--val-data {folder.Combine("none")} does not exist; --val-data takes a folder of label-named subfolders (black_dress/photo.jpg) or a CSV label file.",
            Assert.Throws<InputPathException>(() => InputPaths.Dataset(folder.Combine("none"), "--val-data")).Message);
    }
}
