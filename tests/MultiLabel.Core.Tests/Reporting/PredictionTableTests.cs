using MultiLabel.Inference;
using MultiLabel.Reporting;
using MultiLabel.Runs;
using MultiLabel.Tests.Runs;

namespace MultiLabel.Tests.Reporting;

public class PredictionTableTests
{
    [Fact]
    public void One_row_per_image_with_a_score_column_per_label_and_errors_in_place()
    {
        var writer = new StringWriter();
        Prediction[] predictions =
        [
            new("photos/a b.jpg", ["dress", "black"], new Dictionary<string, float> { ["black"] = 0.91f, ["dress"] = 0.97f, ["red"] = 0.0123456f }),
            new("photos/broken.jpg", [], new Dictionary<string, float>(), "truncated JPEG, the file ends early"),
            new("photos/nan.jpg", [], new Dictionary<string, float> { ["black"] = float.NaN, ["dress"] = 0.2f, ["red"] = 0.1f }),
        ];

        PredictionTable.WritePredictions(writer, ["black", "dress", "red"], predictions);

        Assert.Equal(
            "path,predicted_labels,score_black,score_dress,score_red,error\n" +
            "photos/a b.jpg,dress;black,0.91,0.97,0.0123456,\n" +
            "photos/broken.jpg,,,,,\"truncated JPEG, the file ends early\"\n" +
            "photos/nan.jpg,,,0.2,0.1,\n", writer.ToString());
    }

    [Fact]
    public void Scores_keep_every_digit_a_float_has()
    {
        var writer = new StringWriter();
        float score = 1f / 3;

        PredictionTable.WritePredictions(writer, ["x"], [new Prediction("a.jpg", [], new Dictionary<string, float> { ["x"] = score })]);

        string cell = writer.ToString().Split('\n')[1].Split(',')[2];
        Assert.Equal(score, float.Parse(cell, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void An_evaluation_adds_the_true_labels_and_whether_each_image_is_exactly_right()
    {
        using var folder = TestData.NewTempFolder();
        string data = WorkedEvaluation.Data(folder);
        folder.Copy(TestData.BadInput("black_dress/truncated_a.jpg"), "data/black_dress/truncated_a.jpg");
        using var predictor = WorkedEvaluation.Predictor();
        var evaluation = EvaluationRun.Run(predictor, data, new EvaluationOptions { CacheDirectory = null });
        string file = folder.Combine("predictions.csv");

        PredictionTable.WriteEvaluation(file, evaluation);

        var lines = File.ReadAllLines(file);
        Assert.Equal("path,true_labels,predicted_labels,exact_match,score_black,score_blue,score_dress,score_shirt,error", lines[0]);
        Assert.Equal($"{evaluation.Images[1].Path},black;dress,dress;shirt,false,0.25,0.3,0.7,0.6,", lines[2]);
        Assert.Equal($"{evaluation.Images[3].Path},hat;purple,shirt,false,0.3,0.1,0.2,0.7,", lines[4]);
        Assert.Equal(["true", "false", "true", "false"], lines[1..5].Select(l => l.Split(',')[3]));
        Assert.StartsWith(folder.Combine("data", "black_dress", "truncated_a.jpg") + ",,,,,,,,", lines[5]);
        Assert.Equal(6, lines.Length);
    }
}
