using MultiLabel.Data;
using MultiLabel.Inference;
using MultiLabel.Metrics;
using MultiLabel.Runs;
using MultiLabel.Tests.Inference;

namespace MultiLabel.Tests.Runs;

[Collection(TestModelCollection.Name)]
public class EvaluationRunTests(TestModel model)
{
    [Fact]
    public void Scores_the_worked_example_with_a_label_that_has_no_positives()
    {
        using var folder = TestData.NewTempFolder();
        using var predictor = WorkedEvaluation.Predictor();

        var evaluation = EvaluationRun.Run(predictor, WorkedEvaluation.Data(folder), new EvaluationOptions { CacheDirectory = null });
        var result = evaluation.Result;

        Assert.Equal(4, result.ImageCount);
        Assert.Equal(13.0 / 16, result.BinaryAccuracy, 12);
        Assert.Equal(3.0 / 16, result.HammingLoss, 12);
        Assert.Equal(0.5, result.ExactMatch, 12);
        Assert.Equal(10.0 / 13, result.MicroF1, 12);
        Assert.Equal(2.0 / 3, result.MacroF1, 12);
        Assert.Equal(17.0 / 18, result.MeanAveragePrecision, 6);
        var black = result.PerLabel[0];
        Assert.Equal((1.0, 0.5, 2L), (black.Precision, black.Recall, black.Support));
        Assert.Equal(5.0 / 6, black.AveragePrecision, 6);
        var shirt = result.PerLabel[3];
        Assert.Equal((0L, 2L, 0.0, 0.0, 0.0), (shirt.Support, shirt.FalsePositives, shirt.Precision, shirt.Recall, shirt.F1));
        Assert.True(double.IsNaN(shirt.AveragePrecision));
    }

    [Fact]
    public void Labels_unknown_to_the_model_are_counted_and_their_images_kept_with_negative_targets()
    {
        using var folder = TestData.NewTempFolder();
        using var predictor = WorkedEvaluation.Predictor();

        var evaluation = EvaluationRun.Run(predictor, WorkedEvaluation.Data(folder), new EvaluationOptions { CacheDirectory = null });

        Assert.Equal(new Dictionary<string, int> { ["hat"] = 1, ["purple"] = 1 }, evaluation.UnknownLabels);
        Assert.Equal(["hat", "purple"], evaluation.Images[3].Labels);
        Assert.Equal([0f, 0f, 0f, 0f], evaluation.TargetsOf(3).ToArray());
        Assert.Equal([1f, 0f, 1f, 0f], evaluation.TargetsOf(0).ToArray());
    }

    [Fact]
    public void Lists_the_most_confident_mistakes_and_the_confused_pairs()
    {
        using var folder = TestData.NewTempFolder();
        using var predictor = WorkedEvaluation.Predictor();

        var evaluation = EvaluationRun.Run(predictor, WorkedEvaluation.Data(folder), new EvaluationOptions { CacheDirectory = null });
        var mistakes = evaluation.MostConfidentlyWrong();

        // b missed black at 0.25 (error 0.75); d predicted shirt at 0.7 (error 0.7); a and c are right.
        Assert.Equal(2, mistakes.Count);
        Assert.Equal(("black", true), (mistakes[0].WorstLabel, mistakes[0].WorstMissed));
        Assert.Equal(["dress", "shirt"], mistakes[0].Predicted);
        Assert.Equal(["shirt"], mistakes[0].FalsePositives);
        Assert.Equal(["black"], mistakes[0].Missed);
        Assert.Equal(0.75, mistakes[0].Error, 6);
        Assert.Equal(("shirt", false), (mistakes[1].WorstLabel, mistakes[1].WorstMissed));
        Assert.Equal((3, 1), (mistakes[1].Index, mistakes[0].Index));
        Assert.EndsWith("d.jpg", mistakes[1].Image.Path);
        Assert.Equal([new ConfusedPair("black", "shirt", 1)], evaluation.ConfusedPairs);
    }

    [Fact]
    public void Suspect_labels_are_the_given_labels_the_model_contradicts_most_confidently()
    {
        using var folder = TestData.NewTempFolder();
        using var predictor = WorkedEvaluation.Predictor();

        var evaluation = EvaluationRun.Run(predictor, WorkedEvaluation.Data(folder), new EvaluationOptions { CacheDirectory = null });

        // b carries black but scores it 0.25 (doubt 0.75); d does not carry shirt but scores it 0.7 (doubt 0.7).
        Assert.Empty(evaluation.SuspectLabels());
        var suspects = evaluation.SuspectLabels(low: 0.3f, high: 0.65f);
        Assert.Equal([(1, "black", true, 0.75f), (3, "shirt", false, 0.7f)],
            suspects.Select(s => (s.Index, s.Label, s.Given, MathF.Round(s.Confidence, 4))));
    }

    [Fact]
    public void A_threshold_override_replaces_the_stored_thresholds()
    {
        using var folder = TestData.NewTempFolder();
        using var predictor = WorkedEvaluation.Predictor();

        var evaluation = EvaluationRun.Run(predictor, WorkedEvaluation.Data(folder), new EvaluationOptions { CacheDirectory = null, Threshold = 0.65f });

        // At 0.65: c's dress (0.6) is now missed too, so only a is entirely right.
        Assert.All(evaluation.Thresholds, t => Assert.Equal(0.65f, t));
        Assert.Equal(0.25, evaluation.Result.ExactMatch, 12);
        Assert.Equal(["blue"], evaluation.PredictedLabels(2));
    }

    [Fact]
    public void Broken_files_are_skipped_and_counted()
    {
        using var folder = TestData.NewTempFolder();
        folder.Copy(TestData.BadInput("black_dress/ok_1.jpg"), "data/black_dress/ok_1.jpg");
        folder.Copy(TestData.BadInput("black_dress/truncated_a.jpg"), "data/black_dress/truncated_a.jpg");
        folder.Copy(TestData.BadInput("black_dress/empty_a.jpg"), "data/black_dress/empty_a.jpg");
        using var predictor = new Predictor(TestModel.ManifestFor(["black", "blue", "dress", "shirt"]), new ScriptedEngine([[0.9f, 0.1f, 0.9f, 0.1f]]));

        var evaluation = EvaluationRun.Run(predictor, folder.Combine("data"), new EvaluationOptions { CacheDirectory = null });

        Assert.Equal(1, evaluation.Result.ImageCount);
        Assert.Equal(2, evaluation.Skipped.Count);
        Assert.Contains(evaluation.Skipped, s => s.Path.EndsWith("truncated_a.jpg") && s.Reason.Contains("truncated"));
    }

    [Fact]
    public void A_folder_without_usable_images_is_an_error_naming_it()
    {
        using var folder = TestData.NewTempFolder();
        folder.Copy(TestData.BadInput("black_pants/text_a.jpg"), "data/black_pants/text_a.jpg");
        using var predictor = WorkedEvaluation.Predictor();

        var error = Assert.Throws<DatasetException>(() => EvaluationRun.Run(predictor, folder.Combine("data"), new EvaluationOptions { CacheDirectory = null }));

        Assert.Contains(folder.Combine("data"), error.Message);
        Assert.Contains("1 × not an image: text_a.jpg", error.Message);
    }

    [Fact]
    public void A_real_model_scores_each_image_as_predict_does()
    {
        using var folder = TestData.NewTempFolder();
        string data = folder.CopyImages(TestData.Samples, "data", 3, "black_dress", "blue_shirt", "red_shoes");
        using var predictor = Predictor.Load(model.Path);
        var progress = new List<InferenceProgress>();

        var evaluation = EvaluationRun.Run(predictor, data, new EvaluationOptions { CacheDirectory = folder.Combine("cache"), BatchSize = 4 },
            new EvaluationObserver { Predicting = new Recorder<InferenceProgress>(progress) });
        var predicted = predictor.PredictFiles(evaluation.Images.Select(i => i.Path).ToArray());

        Assert.Equal(9, evaluation.Images.Count);
        Assert.Equal([new(4, 9), new(8, 9), new InferenceProgress(9, 9)], progress);
        for (int i = 0; i < 9; i++)
        {
            var scores = evaluation.ScoresOf(i).ToArray();
            var expected = model.Labels.Select(l => predicted[i].Scores[l]).ToArray();
            Assert.Equal(expected, scores, (x, y) => Math.Abs(x - y) < 1e-5f);
            Assert.Equal(predicted[i].Labels, evaluation.PredictedLabels(i));
        }
    }

    private sealed class Recorder<T>(List<T> seen) : IProgress<T>
    {
        public void Report(T value) => seen.Add(value);
    }
}
