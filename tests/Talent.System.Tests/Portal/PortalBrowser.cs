using System.Diagnostics;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Xunit;

namespace Talent.SystemTests.Portal;

/// <summary>
/// Debian's Chromium driven by Playwright against the portal through the whole system's gateway (no browser is
/// downloaded: the test command installs the distribution's). One browser for the collection; each test its own context
/// (cookies, language, size). Screenshots go to TALENT_TEST_ARTIFACTS (the test command keeps them under TestResults/).
/// </summary>
public sealed class PortalBrowser : IAsyncDisposable
{
    public static readonly (int Width, int Height)[] Sizes = [(390, 844), (1280, 800)];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private PortalBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<PortalBrowser> StartAsync()
    {
        const string chromium = "/usr/bin/chromium";
        Assert.True(File.Exists(chromium), $"{chromium} is missing: run the tests with scripts/test, which installs Debian's chromium and fonts-noto-cjk.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        return new PortalBrowser(playwright, browser);
    }

    /// <summary>
    /// A fresh context (no cookies) at a size, in a language (the browser's Accept-Language decides the portal's). The
    /// portal's service worker is blocked unless asked for: online it only passes requests through, and going through
    /// it cost every page load here about a sixth more CPU (2 cores shared with the whole system); the offline test
    /// asks for it.
    /// </summary>
    public async Task<IPage> OpenAsync(Uri gateway, string language = "zh-CN", (int Width, int Height)? size = null, bool serviceWorker = false)
    {
        var (width, height) = size ?? Sizes[1];
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = gateway.ToString(),
            Locale = language,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = language },
            ServiceWorkers = serviceWorker ? ServiceWorkerPolicy.Allow : ServiceWorkerPolicy.Block,
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    // axe-core as Deque bundles it (the version Deque.AxeCore.Playwright runs). That package's RunAxe runs axe in every
    // frame and finishes the run in a new blank page: 2.5-5 s a page here, against 0.15-0.4 s for axe.run itself. The
    // portal's own pages have no frames of their own markup (the only frame is the inline preview of an uploaded PDF,
    // which Chromium's viewer draws), so axe runs once, in the page, without descending into frames.
    private static readonly Lazy<string> AxeSource = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>Axe's serious and critical violations on the page as it is now, described for an assertion message.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeSource.Value);
        }

        var violations = await page.EvaluateAsync<string[]>(
            """
            async () => (await axe.run(document, { resultTypes: ['violations'], iframes: false })).violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => JSON.stringify(n.target)).join(', ')}`)
            """);
        return violations;
    }

    /// <summary>The portal's two languages, Chinese first.</summary>
    public static readonly string[] Languages = ["zh-CN", "en"];

    /// <summary>
    /// Visits every page in both languages (signed in as the person, when one is named) and says what was wrong: a status
    /// other than the page's, an address other than the page's (a redirect, to sign-in for one), axe's serious and critical
    /// violations, and takes the page's screenshot when it names one. One context a language (the person signs in once),
    /// each page loaded once: Chinese at the phone's size, English at the desk's. What differs between the sizes is the
    /// media rules, between the languages the text, and each is checked once; checking every language at every size
    /// (four axe runs a page) made axe the largest part of the suite's time.
    /// </summary>
    public async Task<IReadOnlyList<string>> SweepAsync(Uri gateway, string? person, IReadOnlyList<SweptPage> pages)
    {
        var problems = new List<string>();
        var total = Stopwatch.StartNew();
        var (loading, checking, shooting, loads) = (TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, 0);
        foreach (var (language, (width, height)) in Languages.Zip(Sizes))
        {
            var page = await OpenAsync(gateway, language, (width, height));
            if (person is not null)
            {
                await page.GotoAsync("/");
                await PortalSession.SignInAsync(page, person);
            }

            foreach (var swept in pages)
            {
                var step = Stopwatch.StartNew();
                var response = await page.GotoAsync(swept.Path);
                loading += step.Elapsed;
                loads++;
                if (response?.Status != swept.Status || !page.Url.EndsWith(swept.Path, StringComparison.Ordinal))
                {
                    problems.Add($"{swept.Path} [{language}]: status {response?.Status} at {page.Url}, expected {swept.Status} there");
                }

                step.Restart();
                problems.AddRange((await SeriousViolationsAsync(page)).Select(v => $"{swept.Path} [{language} {width}px]: {v}"));
                checking += step.Elapsed;
                if (swept.Screenshot is { } name)
                {
                    step.Restart();
                    await ScreenshotAsync(page, $"{name}-{language}-{width}");
                    shooting += step.Elapsed;
                }
            }

            await page.Context.CloseAsync();
        }

        Talent.Testing.TestReport.Line(
            $"sweep as {person ?? "anonymous"}: {pages.Count} pages, {loads} loads and checks in {total.Elapsed.TotalSeconds:0.0} s " +
            $"(loading {loading.TotalSeconds:0.0} s, axe {checking.TotalSeconds:0.0} s, screenshots {shooting.TotalSeconds:0.0} s)");
        return problems;
    }

    /// <summary>A full-page screenshot as a test artefact, named by page, language and width.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("TALENT_TEST_ARTIFACTS") is { Length: > 0 } artifacts
            ? Path.Combine(artifacts, "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}

/// <summary>A page of an accessibility sweep: its address, the status it answers, its screenshot's name (none when null).</summary>
public sealed record SweptPage(string Path, int Status = 200, string? Screenshot = null);
