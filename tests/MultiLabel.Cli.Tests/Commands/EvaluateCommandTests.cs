using System.Text.Json;

namespace MultiLabel.Cli.Tests.Commands;

[Collection(CliModelCollection.Name)]
public class EvaluateCommandTests(CliModel model)
{
    private static void MakeData(TempFolder folder)
    {
        folder.CopyImages(TestData.Samples, "data", 3, "black_dress", "blue_shirt", "red_shoes");
        folder.Copy(TestData.BadInput("black_dress/ok_1.jpg"), "data/purple_hat/ok_1.jpg");
        folder.Copy(TestData.BadInput("black_dress/truncated_a.jpg"), "data/black_dress/truncated_a.jpg");
    }

    [Fact]
    public void Json_is_one_object_with_the_metrics_per_label_results_and_unknown_labels()
    {
        using var folder = TestData.NewTempFolder();
        MakeData(folder);

        var result = Cli.Run(folder.Path, "evaluate", "--model", model.Path, "--data", "data", "--json", "--no-cache");

        Assert.True(result.ExitCode == 0, result.ToString());
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        JsonStyle.AssertSnakeCase(root);
        Assert.Equal(["images", "skipped", "metrics", "per_label", "unknown_labels", "suspect_labels"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(10, root.GetProperty("images").GetInt32());
        Assert.Equal(1, root.GetProperty("skipped").GetInt32());
        Assert.Equal(["binary_accuracy", "exact_match", "hamming_loss", "micro_f1", "macro_f1", "mean_average_precision"],
            root.GetProperty("metrics").EnumerateObject().Select(p => p.Name));
        Assert.Equal(model.Labels, root.GetProperty("per_label").EnumerateObject().Select(p => p.Name));
        var black = root.GetProperty("per_label").GetProperty("black");
        Assert.Equal(3, black.GetProperty("support").GetInt32());
        foreach (string key in new[] { "precision", "recall", "f1", "average_precision" })
            Assert.InRange(black.GetProperty(key).GetDouble(), 0, 1);
        Assert.Equal(["precision", "recall", "f1", "average_precision", "support", "threshold", "true_positives", "false_positives", "false_negatives",
            "true_negatives"], black.EnumerateObject().Select(p => p.Name));
        Assert.Equal(10, new[] { "true_positives", "false_positives", "false_negatives", "true_negatives" }.Sum(k => black.GetProperty(k).GetInt32()));
        Assert.Equal(JsonValueKind.Array, root.GetProperty("suspect_labels").ValueKind); // an untrained model is too unsure to contradict a label
        Assert.Equal(JsonValueKind.Null, root.GetProperty("per_label").GetProperty("green").GetProperty("average_precision").ValueKind);
        Assert.Equal(1, root.GetProperty("unknown_labels").GetProperty("purple").GetInt32());
        Assert.Contains("labels the model does not know", result.Stderr);
    }

    [Fact]
    public void Prints_the_metric_and_per_label_tables_of_a_run_folders_model()
    {
        using var folder = TestData.NewTempFolder();
        MakeData(folder);

        var result = Cli.Run(folder.Path, "evaluate", "--model", model.RunFolder, "--data", "data", "--threshold", "0.3");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("10 images evaluated", result.Stdout);
        foreach (string metric in new[] { "binary_accuracy", "exact_match", "hamming_loss", "micro_f1", "macro_f1", "mean_average_precision" })
            Assert.Contains(metric, result.Stdout);
        Assert.Matches(@"│ black\s+│\s+0\.3 │", result.Stdout);
        Assert.True(Directory.Exists(folder.Combine(".cache")), "decoded images are cached under $MULTILABEL_CACHE");
    }

    [Fact]
    public void Report_writes_a_page_with_every_mistake_and_its_heat_maps()
    {
        using var folder = TestData.NewTempFolder();
        MakeData(folder);

        var result = Cli.Run(folder.Path, "evaluate", "--model", model.Path, "--data", "data", "--report", "report", "--json", "--threshold", "0.5");

        Assert.True(result.ExitCode == 0, result.ToString());
        string html = File.ReadAllText(folder.Combine("report", "index.html"));
        Assert.Contains("<section id=\"pr-curves\">", html);
        Assert.Contains("data:image/png;base64,", html);
        var files = Directory.GetFiles(folder.Combine("report", "index_files")).Select(Path.GetFileName).ToArray();
        Assert.Contains(files, f => System.Text.RegularExpressions.Regex.IsMatch(f!, @"^\d+\.jpg$"));
        Assert.Contains(files, f => System.Text.RegularExpressions.Regex.IsMatch(f!, @"^\d+\.\d+\.jpg$")); // heat maps
        JsonDocument.Parse(result.Stdout); // the report note goes to stderr, stdout stays one JSON document
    }

    [Fact]
    public void Predictions_csv_has_one_row_per_readable_image_with_predicts_scores()
    {
        using var folder = TestData.NewTempFolder();
        folder.CopyImages(TestData.Samples, "data", 3, "black_dress", "blue_shirt", "red_shoes");

        var result = Cli.Run(folder.Path, "evaluate", "--model", model.Path, "--data", "data", "--predictions", "rows.csv", "--no-cache", "--engine", "torch");
        var predicted = Cli.Run(folder.Path, "predict", "--model", model.Path, "data", "--json", "--engine", "torch");

        Assert.True(result.ExitCode == 0, result.ToString());
        var rows = File.ReadAllLines(folder.Combine("rows.csv"));
        var items = JsonDocument.Parse(predicted.Stdout).RootElement.EnumerateArray()
            .ToDictionary(i => folder.Combine(i.GetProperty("path").GetString()!), i => i.GetProperty("scores"));
        Assert.Equal("path,true_labels,predicted_labels,exact_match," + string.Join(",", model.Labels.Select(l => "score_" + l)) + ",error", rows[0]);
        Assert.Equal(9, rows.Length - 1);
        foreach (string row in rows.Skip(1))
        {
            var cells = row.Split(',');
            var scores = items[cells[0]];
            for (int l = 0; l < model.Labels.Count; l++)
                Assert.Equal(scores.GetProperty(model.Labels[l]).GetSingle(), float.Parse(cells[4 + l], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(Path.GetFileName(Path.GetDirectoryName(cells[0]))!.Replace('_', ';'), cells[1]);
        }
    }

    [Fact]
    public void A_missing_dataset_is_one_plain_error()
    {
        using var folder = TestData.NewTempFolder();

        var result = Cli.Run(folder.Path, "evaluate", "--model", model.Path, "--data", "nowhere");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("error: --data nowhere does not exist; --data takes a folder of label-named subfolders (black_dress/photo.jpg) or a CSV label file.",
            result.Stderr.TrimEnd());
    }
}
