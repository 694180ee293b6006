using MultiLabel.Data;
using MultiLabel.Inference;
using MultiLabel.Runs;

namespace MultiLabel.Tests.Runs;

[Collection(TestModelCollection.Name)]
public class ExplanationRunTests(TestModel model)
{
    [Fact]
    public void Writes_one_png_per_predicted_label_at_the_original_size()
    {
        using var folder = TestData.NewTempFolder();
        string data = folder.CopyImages(TestData.Samples, "photos", 2, "black_dress", "blue_shirt");
        folder.Copy(TestData.BadInput("black_dress/truncated_a.jpg"), "photos/broken.jpg");
        var files = Directory.GetFiles(data, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        using var predictor = Predictor.Load(model.Path);
        var predictions = predictor.PredictFiles(files, new PredictOptions { Threshold = 0.45f });

        var explained = ExplanationRun.Run(predictor, predictions, new ExplanationOptions { Folder = folder.Combine("explain") });

        Assert.Equal(files.Length, explained.Count);
        Assert.Contains(predictions, p => p.Labels.Count > 0);
        for (int i = 0; i < files.Length; i++)
        {
            if (predictions[i].Failed)
            {
                Assert.Null(explained[i]);
                continue;
            }
            var overlays = explained[i]!.Overlays;
            Assert.Equal(predictions[i].Labels, overlays.Select(o => o.Label));
            using var original = ImageDecoder.DecodeOriented(File.ReadAllBytes(files[i]));
            foreach (var overlay in overlays)
            {
                Assert.Equal(folder.Combine("explain", $"{Path.GetFileNameWithoutExtension(files[i])}.{overlay.Label}.png"), overlay.File);
                Assert.Equal(ImageFormat.Png, ImageFormatSniffer.Detect(overlay.File, out _));
                using var written = ImageDecoder.DecodeOriented(File.ReadAllBytes(overlay.File));
                Assert.Equal((original.Width, original.Height), (written.Width, written.Height));
                Assert.Equal(predictions[i].Scores[overlay.Label], overlay.Score, 5);
                Assert.InRange(overlay.Center.X, 0, 1);
                Assert.InRange(overlay.Center.Y, 0, 1);
            }
        }
        Assert.Equal(predictions.Sum(p => p.Labels.Count), Directory.GetFiles(folder.Combine("explain")).Length);
    }

    [Fact]
    public void Labels_asked_for_are_explained_on_every_image_whatever_was_predicted()
    {
        using var folder = TestData.NewTempFolder();
        string[] files = Samples(2);
        using var predictor = Predictor.Load(model.Path);
        var predictions = predictor.PredictFiles(files, new PredictOptions { Threshold = 1 });

        var explained = ExplanationRun.Run(predictor, predictions, new ExplanationOptions { Folder = folder.Path, Labels = ["red", "black"] });

        Assert.All(predictions, p => Assert.Empty(p.Labels));
        Assert.All(explained, e => Assert.Equal(["red", "black"], e!.Overlays.Select(o => o.Label)));
    }

    [Fact]
    public void A_label_the_model_does_not_know_is_a_setting_error_naming_the_known_ones()
    {
        using var folder = TestData.NewTempFolder();
        using var predictor = Predictor.Load(model.Path);
        var predictions = predictor.PredictFiles(Samples(1));

        var error = Assert.Throws<SettingException>(() =>
            ExplanationRun.Run(predictor, predictions, new ExplanationOptions { Folder = folder.Path, Labels = ["purple"] }));

        Assert.Equal("Explanation.Labels", error.Setting);
        Assert.Contains("'purple', which is not a label of this model; its labels are black, blue", error.Message);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    /// <summary>The first image of each of the first <paramref name="count"/> sample folders.</summary>
    private static string[] Samples(int count) =>
        Directory.GetDirectories(TestData.Samples).Order(StringComparer.Ordinal)
            .Select(d => Directory.GetFiles(d).Order(StringComparer.Ordinal).First()).Take(count).ToArray();
}
