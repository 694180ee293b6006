using Microsoft.Playwright;

namespace MultiLabel.Tests.Endpoints;

/// <summary>
/// The upload page in a real browser: Debian's headless Chromium driven by Playwright (never a
/// browser Playwright downloads). CI installs it with <c>apt-get install -y chromium</c>.
/// </summary>
[Collection(ServedModelCollection.Name)]
public sealed class PageBrowserTests(ServedModel served)
{
    private const string Chromium = "/usr/bin/chromium";

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

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(Chromium),
            $"The browser test needs Debian's Chromium at {Chromium}: install it with `apt-get install -y chromium`.");
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }
}
