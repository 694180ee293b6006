using Microsoft.Playwright;

namespace MultiLabel.Tests.Endpoints;

/// <summary>The upload page in a real browser (see <see cref="HeadlessChromium"/>).</summary>
[Collection(ServedModelCollection.Name)]
public sealed class PageBrowserTests(ServedModel served)
{
    [Fact]
    public async Task AnImagePickedOnThePageShowsItsLabelsAndScoreBars()
    {
        var image = TestModel.SampleImages(3)[2];
        using var api = await served.Client.PostAsync("/v1/predict", Requests.Raw(image));
        var expectedLabels = Assert.Single(await api.LabelsAsync());
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync();

        await page.GotoAsync(served.BaseUrl);
        await Assertions.Expect(page.Locator("#model")).ToContainTextAsync($"resnet18 · {TestModel.Labels.Count} labels · {TestModel.ImageSize}px");
        await page.Locator("#files").SetInputFilesAsync([image, TestData.BadInput("black_pants/text_a.jpg")]);

        var done = page.Locator(".card[data-state=done]");
        var failed = page.Locator(".card[data-state=error]");
        await Assertions.Expect(done).ToHaveCountAsync(1);
        await Assertions.Expect(failed).ToHaveCountAsync(1);
        Assert.Equal(expectedLabels, await done.Locator(".labels li").AllTextContentsAsync());
        Assert.Equal(TestModel.Labels.Count, await done.Locator(".scores li").CountAsync());
        Assert.Equal(Path.GetFileName(image), await done.Locator(".name").TextContentAsync());
        await Assertions.Expect(failed.Locator(".status")).ToContainTextAsync("holds text");
    }

    [Fact]
    public async Task Clicking_a_label_chip_shows_its_heat_map_over_the_image()
    {
        string image = await ImageWithLabelsAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(served.BaseUrl);
        await Assertions.Expect(page.Locator("#model")).ToContainTextAsync("labels");

        await page.Locator("#files").SetInputFilesAsync([image]);
        var card = page.Locator(".card[data-state=done]");
        await Assertions.Expect(card).ToHaveCountAsync(1);
        var explanation = card.Locator(".explanation");
        await Assertions.Expect(explanation).ToBeHiddenAsync();
        var chip = card.Locator(".labels .chip").First;
        string label = (await chip.TextContentAsync())!;
        await chip.ClickAsync();

        await Assertions.Expect(explanation).ToBeVisibleAsync();
        await Assertions.Expect(chip).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(explanation.Locator("img")).ToHaveAttributeAsync("alt", $"heat map of {label}");
        await Assertions.Expect(explanation.Locator("figcaption")).ToContainTextAsync($"{label}: brighter is stronger evidence");
        var size = await explanation.Locator("img").EvaluateAsync<int[]>("img => img.complete ? [img.naturalWidth, img.naturalHeight] : [0, 0]");
        using var original = MultiLabel.Data.ImageDecoder.DecodeOriented(File.ReadAllBytes(image));
        Assert.Equal([original.Width, original.Height], size);

        await chip.ClickAsync();
        await Assertions.Expect(explanation).ToBeHiddenAsync();
    }

    /// <summary>A sample image the served model gives at least one label.</summary>
    private async Task<string> ImageWithLabelsAsync()
    {
        foreach (string image in TestModel.SampleImages(24))
        {
            using var api = await served.Client.PostAsync("/v1/predict", Requests.Raw(image));
            if (Assert.Single(await api.LabelsAsync()).Length > 0) return image;
        }
        throw new InvalidOperationException("The served model gives no sample image a label; the chip test needs one.");
    }

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright) => HeadlessChromium.LaunchAsync(playwright);
}
