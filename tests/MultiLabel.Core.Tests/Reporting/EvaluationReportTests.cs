using System.Text.Json;
using System.Text.RegularExpressions;
using MultiLabel.Data;
using MultiLabel.Inference;
using MultiLabel.Reporting;
using MultiLabel.Runs;

namespace MultiLabel.Tests.Reporting;

[Collection(TestModelCollection.Name)]
public class EvaluationReportTests(TestModel model)
{
    private static ModelEvaluation Evaluate(TestModel model, TempFolder folder)
    {
        string data = folder.CopyImages(TestData.Samples, "data", 3, "black_dress", "blue_shirt", "green_shoes");
        folder.Copy(TestData.BadInput("black_dress/truncated_a.jpg"), "data/black_dress/truncated_a.jpg");
        folder.Copy(TestData.BadInput("black_dress/ok_1.jpg"), "data/purple_hat/ok_1.jpg");
        using var predictor = Predictor.Load(model.Path);
        return EvaluationRun.Run(predictor, data, new EvaluationOptions { CacheDirectory = null, Threshold = 0.5f });
    }

    /// <summary>The JSON the page's script renders the mistakes and suspect labels from.</summary>
    internal static JsonElement Data(string html) =>
        JsonDocument.Parse(Regex.Match(html, "<script type=\"application/json\" id=\"report-data\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value).RootElement;

    [Fact]
    public void Writes_one_page_with_every_section_and_its_pictures_beside_it()
    {
        using var folder = TestData.NewTempFolder();
        var evaluation = Evaluate(model, folder);

        string path = EvaluationReport.Write(evaluation, folder.Combine("report"), new EvaluationReportOptions { ModelPath = model.Path });
        string html = File.ReadAllText(path);

        Assert.Equal(folder.Combine("report", "index.html"), path);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.EndsWith("</html>\n", html);
        foreach (string id in new[] { "metrics", "per-label", "pr-curves", "mistakes", "suspects", "confused", "unknown", "skipped" })
            Assert.Contains($"<section id=\"{id}\">", html);
        Assert.Equal(Regex.Count(html, "<section "), Regex.Count(html, "</section>"));
        Assert.Equal(Regex.Count(html, "<table"), Regex.Count(html, "</table>"));
        Assert.DoesNotMatch("(src|href)=\"(?!data:)", html); // the page itself fetches nothing; the script adds the pictures
        Assert.Contains("truncated_a.jpg", html);
        Assert.Contains("purple", html);
    }

    [Fact]
    public void Lists_every_image_with_a_wrong_label_with_its_scores_thumbnail_and_link()
    {
        using var folder = TestData.NewTempFolder();
        var evaluation = Evaluate(model, folder);
        int wrong = Enumerable.Range(0, evaluation.Images.Count).Count(i =>
            Enumerable.Range(0, evaluation.Labels.Count).Any(l => evaluation.Decoder.Gives(l, evaluation.ScoresOf(i)[l]) != (evaluation.TargetsOf(i)[l] >= 0.5f)));

        string report = folder.Combine("report");
        var data = Data(File.ReadAllText(EvaluationReport.Write(evaluation, report)));

        var mistakes = data.GetProperty("mistakes").EnumerateArray().ToArray();
        Assert.True(wrong > 0, "an untrained model gets some labels wrong");
        Assert.Equal(wrong, mistakes.Length);
        Assert.Equal(evaluation.Labels, data.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        foreach (var mistake in mistakes)
        {
            Assert.Equal(evaluation.Labels.Count, mistake.GetProperty("scores").GetArrayLength());
            Assert.True(mistake.GetProperty("fp").GetArrayLength() + mistake.GetProperty("fn").GetArrayLength() > 0);
            string thumb = mistake.GetProperty("thumb").GetString()!;
            Assert.Equal(ImageFormat.Jpeg, ImageFormatSniffer.Detect(Path.Combine(report, thumb), out _));
            string url = mistake.GetProperty("url").GetString()!;
            Assert.StartsWith("../data/", url);
            Assert.True(File.Exists(Path.Combine(report, Uri.UnescapeDataString(url))), url);
        }
    }

    [Fact]
    public void With_heat_maps_each_wrong_label_of_a_mistake_has_its_overlay()
    {
        using var folder = TestData.NewTempFolder();
        var evaluation = Evaluate(model, folder);
        using var predictor = Predictor.Load(model.Path);

        string report = folder.Combine("report");
        var data = Data(File.ReadAllText(EvaluationReport.Write(evaluation, report, new EvaluationReportOptions { HeatMaps = (images, labels) => predictor.Explain(images, labels) })));

        foreach (var mistake in data.GetProperty("mistakes").EnumerateArray())
        {
            var wrong = mistake.GetProperty("fp").EnumerateArray().Concat(mistake.GetProperty("fn").EnumerateArray()).Select(l => l.GetInt32().ToString());
            var heat = mistake.GetProperty("heat");
            Assert.Equal(wrong.Order(), heat.EnumerateObject().Select(h => h.Name).Order());
            Assert.All(heat.EnumerateObject(), h => Assert.Equal(ImageFormat.Jpeg, ImageFormatSniffer.Detect(Path.Combine(report, h.Value.GetString()!), out _)));
        }
    }

    [Fact]
    public void The_per_label_table_has_the_four_confusion_counts()
    {
        using var folder = TestData.NewTempFolder();
        var evaluation = Evaluate(model, folder);

        string html = File.ReadAllText(EvaluationReport.Write(evaluation, folder.Combine("report")));

        Assert.Contains("<th class=\"num\" title=\"neither carried nor predicted\">TN</th>", html);
        var black = evaluation.Result.PerLabel[0];
        long tn = evaluation.Result.ImageCount - black.TruePositives - black.FalsePositives - black.FalseNegatives;
        Assert.Contains($"<td class=\"num\">{black.TruePositives}</td><td class=\"num\">{black.FalsePositives}</td>" +
                        $"<td class=\"num\">{black.FalseNegatives}</td><td class=\"num\">{tn}</td></tr>", html);
    }

    [Fact]
    public void Replaces_an_earlier_report_and_its_pictures_but_nothing_else_in_the_folder()
    {
        using var folder = TestData.NewTempFolder();
        var evaluation = Evaluate(model, folder);
        string report = folder.Combine("report");
        Directory.CreateDirectory(Path.Combine(report, EvaluationReport.AssetFolder));
        File.WriteAllText(Path.Combine(report, "index.html"), "old");
        File.WriteAllText(Path.Combine(report, EvaluationReport.AssetFolder, "999.jpg"), "a former report's thumbnail");
        File.WriteAllText(Path.Combine(report, "notes.txt"), "mine");

        EvaluationReport.Write(evaluation, report);

        Assert.Equal(["index.html", "notes.txt"], Directory.GetFiles(report).Select(Path.GetFileName).Order());
        Assert.NotEqual("old", File.ReadAllText(Path.Combine(report, "index.html")));
        Assert.False(File.Exists(Path.Combine(report, EvaluationReport.AssetFolder, "999.jpg")));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(report, "notes.txt")));
    }
}
