using System.Text.RegularExpressions;
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
        return EvaluationRun.Run(predictor, data, new EvaluationOptions { CacheDirectory = null });
    }

    [Fact]
    public void Writes_one_self_contained_page_with_every_section()
    {
        using var folder = TestData.NewTempFolder();
        var evaluation = Evaluate(model, folder);

        string path = EvaluationReport.Write(evaluation, folder.Combine("report"), new EvaluationReportOptions { ModelPath = model.Path });
        string html = File.ReadAllText(path);

        Assert.Equal(folder.Combine("report", "index.html"), path);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.EndsWith("</html>\n", html);
        foreach (string id in new[] { "metrics", "per-label", "pr-curves", "mistakes", "confused", "unknown", "skipped" })
            Assert.Contains($"<section id=\"{id}\">", html);
        Assert.Equal(Regex.Count(html, "<section "), Regex.Count(html, "</section>"));
        Assert.Equal(Regex.Count(html, "<table"), Regex.Count(html, "</table>"));
        Assert.DoesNotMatch("(src|href)=\"(?!data:)", html); // nothing to fetch: every picture is a data URI
        Assert.Contains("truncated_a.jpg", html);
        Assert.Contains("purple", html);
    }

    [Fact]
    public void Embeds_real_pictures_a_bar_chart_a_curve_per_label_with_positives_and_thumbnails()
    {
        using var folder = TestData.NewTempFolder();
        var evaluation = Evaluate(model, folder);

        string html = EvaluationReport.Render(evaluation);

        var pngs = Regex.Matches(html, "data:image/png;base64,([A-Za-z0-9+/=]+)").Select(m => Convert.FromBase64String(m.Groups[1].Value)).ToArray();
        var jpegs = Regex.Matches(html, "data:image/jpeg;base64,([A-Za-z0-9+/=]+)").Select(m => Convert.FromBase64String(m.Groups[1].Value)).ToArray();
        int withPositives = evaluation.Result.PerLabel.Count(l => l.Support > 0);
        Assert.Equal(1 + withPositives, pngs.Length);
        Assert.All(pngs, png => Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]));
        Assert.Equal(evaluation.MostConfidentlyWrong().Count, jpegs.Length);
        Assert.All(jpegs, jpeg => Assert.Equal([0xFF, 0xD8, 0xFF], jpeg[..3]));
        Assert.Contains("no image carries this label", html); // e.g. "red" has no image here
    }

    [Fact]
    public void Replaces_an_earlier_report_and_leaves_no_temporary_file()
    {
        using var folder = TestData.NewTempFolder();
        var evaluation = Evaluate(model, folder);
        Directory.CreateDirectory(folder.Combine("report"));
        File.WriteAllText(folder.Combine("report", "index.html"), "old");

        EvaluationReport.Write(evaluation, folder.Combine("report"));

        Assert.Equal(["index.html"], Directory.GetFiles(folder.Combine("report")).Select(Path.GetFileName));
        Assert.NotEqual("old", File.ReadAllText(folder.Combine("report", "index.html")));
    }
}
