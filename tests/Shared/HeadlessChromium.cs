// Shared by the test projects that drive a real browser (linked from their .csproj).
using Microsoft.Playwright;

namespace MultiLabel.Tests;

/// <summary>
/// Debian's headless Chromium (<c>/usr/bin/chromium</c>) driven by Playwright: never a browser Playwright downloads.
/// CI installs it with <c>apt-get install -y chromium</c>.
/// </summary>
internal static class HeadlessChromium
{
    public const string Path = "/usr/bin/chromium";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(Path), $"The browser tests need Debian's Chromium at {Path}: install it with `apt-get install -y chromium`.");
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }
}
