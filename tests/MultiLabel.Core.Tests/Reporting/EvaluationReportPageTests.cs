using System.Diagnostics;
using Microsoft.Playwright;
using MultiLabel.Data;
using MultiLabel.Inference;
using MultiLabel.Reporting;
using MultiLabel.Runs;
using Xunit.Abstractions;

namespace MultiLabel.Tests.Reporting;

/// <summary>The evaluation report's page in a real browser (see <see cref="HeadlessChromium"/>), opened from disk as a user would.</summary>
[Collection(TestModelCollection.Name)]
public class EvaluationReportPageTests(TestModel model, ITestOutputHelper output)
{
    [Fact]
    public async Task Mistakes_filter_by_kind_and_label_and_a_wrong_label_shows_its_heat_map()
    {
        using var folder = TestData.NewTempFolder();
        string data = folder.CopyImages(TestData.Samples, "data", 4, "black_dress", "blue_shirt", "red_shoes", "green_pants");
        using var predictor = Predictor.Load(model.Path);
        var evaluation = EvaluationRun.Run(predictor, data, new EvaluationOptions { CacheDirectory = null, Threshold = 0.5f });
        var mistakes = evaluation.Mistakes();
        string path = EvaluationReport.Write(evaluation, folder.Combine("report"), new EvaluationReportOptions { HeatMaps = (i, l) => predictor.Explain(i, l) });

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(path).AbsoluteUri);

        var cards = page.Locator("#mistake-list .card");
        await Assertions.Expect(cards).ToHaveCountAsync(Math.Min(48, mistakes.Count));
        await Assertions.Expect(page.Locator(".page-status").First).ToContainTextAsync($"of {mistakes.Count} ·");
        await page.Locator("#mistake-kind").SelectOptionAsync("fn");
        await Assertions.Expect(cards).ToHaveCountAsync(mistakes.Count(m => m.Missed.Count > 0));
        await page.Locator("#mistake-kind").SelectOptionAsync("");
        var label = mistakes[0].WrongLabels.First();
        int index = evaluation.Labels.ToList().IndexOf(label);
        await page.Locator("#mistake-label").SelectOptionAsync(index.ToString());
        await Assertions.Expect(cards).ToHaveCountAsync(mistakes.Count(m => m.WrongLabels.Contains(label)));

        var first = cards.First;
        var picture = first.Locator("img");
        string photo = (await picture.GetAttributeAsync("src"))!;
        await first.Locator(".toggle").First.ClickAsync();
        await Assertions.Expect(first).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("heat"));
        string heat = (await picture.GetAttributeAsync("src"))!;
        Assert.Matches(@"^index_files/\d+\.\d+\.jpg$", heat);
        Assert.True(await picture.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the heat map loads");
        await first.Locator(".toggle").First.ClickAsync();
        Assert.Equal(photo, await picture.GetAttributeAsync("src"));
        Assert.Equal(new Uri(Path.Combine(data, Path.GetRelativePath(data, mistakes.First(m => m.WrongLabels.Contains(label)).Image.Path))).AbsoluteUri,
            await first.Locator("a.thumb").EvaluateAsync<string>("a => a.href"));
    }

    [Fact]
    public async Task Ten_thousand_mistakes_stay_one_quick_page()
    {
        using var folder = TestData.NewTempFolder();
        var evaluation = Synthetic(model, folder, 10_000);
        int wrong = evaluation.Mistakes().Count;

        var clock = Stopwatch.StartNew();
        string path = EvaluationReport.Write(evaluation, folder.Combine("report"));
        double write = clock.Elapsed.TotalSeconds;
        long bytes = new FileInfo(path).Length;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        clock.Restart();
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        await Assertions.Expect(page.Locator("#mistake-list .card")).ToHaveCountAsync(48);
        double load = clock.Elapsed.TotalSeconds;
        await Assertions.Expect(page.Locator(".page-status").First).ToContainTextAsync($"1–48 of {wrong} · page 1 of {(wrong + 47) / 48}");
        clock.Restart();
        for (int i = 0; i < 5; i++) await page.Locator(".page-next").First.ClickAsync();
        await Assertions.Expect(page.Locator(".page-status").First).ToContainTextAsync("page 6 of");
        double flip = clock.Elapsed.TotalSeconds / 5;
        clock.Restart();
        await page.Locator("#mistake-kind").SelectOptionAsync("fp");
        await Assertions.Expect(page.Locator(".page-status").First).ToContainTextAsync("page 1 of");
        double filter = clock.Elapsed.TotalSeconds;

        output.WriteLine($"{wrong} mistakes: report written in {write:F1} s, index.html {bytes / 1e6:F1} MB; " +
                         $"first page shown {load:F2} s after navigation, next page {flip * 1000:F0} ms, kind filter {filter * 1000:F0} ms");
        Assert.True(wrong > 9_000, $"the synthetic evaluation has {wrong} mistakes");
        Assert.True(bytes < 12_000_000, $"index.html is {bytes / 1e6:F1} MB");
        Assert.True(load < 10, $"the first page took {load:F1} s");
    }

    /// <summary>An evaluation of <paramref name="count"/> images (files that do not exist: no thumbnails) with seeded random scores over the sample labels.</summary>
    private static ModelEvaluation Synthetic(TestModel model, TempFolder folder, int count)
    {
        var random = new Random(5);
        var labels = model.Labels;
        var images = new ImageRecord[count];
        var scores = new float[count * labels.Count];
        var targets = new float[count * labels.Count];
        for (int i = 0; i < count; i++)
        {
            var carried = labels.OrderBy(_ => random.Next()).Take(2).Order(StringComparer.Ordinal).ToArray();
            images[i] = new ImageRecord(folder.Combine("data", string.Join('_', carried), $"{i:D5}.jpg"), carried);
            for (int l = 0; l < labels.Count; l++)
            {
                bool on = carried.Contains(labels[l]);
                targets[i * labels.Count + l] = on ? 1 : 0;
                scores[i * labels.Count + l] = (float)Math.Clamp((on ? 0.7 : 0.2) + (random.NextDouble() - 0.5) * 0.9, 0, 1);
            }
        }
        return new ModelEvaluation(folder.Combine("data"), model.Manifest, LabelDecoder.For(model.Manifest), images, scores, targets, [],
            new Dictionary<string, int>());
    }
}
