using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Talent.Benchmarks;

/// <summary>
/// The staff console's inbox page through the gateway at 100,000 applications (rows added directly to the database):
/// staff-hr signs in to the portal as a browser does (the identity's page, the code flow, the portal's session cookie),
/// then loads the inbox under each deadline filter and a later page, one after the other, after a warm-up.
/// </summary>
public static partial class ConsoleBenchmark
{
    private static readonly string[] Pages = ["/console", "/console?status=overdue", "/console?status=dueSoon", "/console?page=5"];

    public static async Task<int> RunAsync(Options options)
    {
        var rows = options.Get("inbox-rows", 100_000);
        var requests = options.Get("requests", 400);
        var database = options.Get("applications-db", "Host=127.0.0.1;Port=54329;Username=postgres;Database=talent_applications");
        using var http = new HttpClient(new CookieJar { InnerHandler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.All } })
        {
            BaseAddress = options.Gateway,
        };
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9");
        http.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br, gzip");
        if ((await http.GetAsync("/health")).StatusCode != HttpStatusCode.OK)
        {
            Console.WriteLine($"The gateway at {options.Gateway} is not healthy; start the system first (README, Benchmarks).");
            return 1;
        }

        await ApplicationsBenchmark.SeedInboxAsync(database, rows);
        if (await SignInAsync(http, "staff-hr") is { } problem)
        {
            Console.WriteLine(problem);
            return 1;
        }

        var first = await http.GetStringAsync("/console");
        Console.WriteLine($"console: staff-hr's inbox, {InboxTotal().Match(WebUtility.HtmlDecode(first)).Groups[1].Value} cases awaiting HRSS of {rows} applications");
        for (var i = 0; i < 40; i++)
        {
            (await http.GetAsync(Pages[i % Pages.Length])).EnsureSuccessStatusCode();
        }

        var latencies = new List<double>(requests);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(Pages[i % Pages.Length]);
            var html = await response.Content.ReadAsStringAsync();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.OK || !html.Contains("id=\"inbox\"", StringComparison.Ordinal))
            {
                var notice = Regex.Match(html, "<p class=\"notice\"[^>]*>([^<]*)</p>").Groups[1].Value;
                Console.WriteLine($"{Pages[i % Pages.Length]} answered {(int)response.StatusCode} without the inbox at {response.RequestMessage?.RequestUri}: {WebUtility.HtmlDecode(notice)}");
                return 1;
            }
        }

        Console.WriteLine($"console inbox pages ({string.Join(", ", Pages)}), sequential through the gateway: {requests} in {clock.Elapsed.TotalSeconds:0.0} s "
            + $"({requests / clock.Elapsed.TotalSeconds:0} pages/s); {Stats.Percentiles(latencies)}");
        return 0;
    }

    /// <summary>As a browser: the portal's sign-in link, the identity's page and its form, back to the console.</summary>
    private static async Task<string?> SignInAsync(HttpClient http, string userName)
    {
        using var page = await FollowAsync(http, new HttpRequestMessage(HttpMethod.Get, "/account/login?returnUrl=%2Fconsole"));
        var html = await page.Content.ReadAsStringAsync();
        var action = FormAction().Match(html);
        if (!page.IsSuccessStatusCode || !action.Success)
        {
            return $"No sign-in page at {page.RequestMessage?.RequestUri} ({(int)page.StatusCode}).";
        }

        var fields = HiddenField().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["userName"] = userName;
        fields["password"] = "Talent#2026";
        using var form = new FormUrlEncodedContent(fields);
        using var back = await FollowAsync(http, new HttpRequestMessage(HttpMethod.Post, new Uri(page.RequestMessage!.RequestUri!, WebUtility.HtmlDecode(action.Groups[1].Value))) { Content = form });
        return back.StatusCode == HttpStatusCode.OK && back.RequestMessage?.RequestUri?.AbsolutePath == "/console"
            ? null
            : $"Signing in as {userName} ended at {back.RequestMessage?.RequestUri} ({(int)back.StatusCode}).";
    }

    /// <summary>Sends, then follows redirects (GET) as a browser does, so that the cookie jar sees every answer.</summary>
    private static async Task<HttpResponseMessage> FollowAsync(HttpClient http, HttpRequestMessage request)
    {
        var response = await http.SendAsync(request);
        for (var hops = 0; (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location && hops < 20; hops++)
        {
            var next = new Uri(response.RequestMessage!.RequestUri!, location);
            response.Dispose();
            response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, next));
        }

        return response;
    }

    /// <summary>
    /// The cookies of one host, kept as a browser on localhost keeps them: also those marked Secure over plain http
    /// (the sign-in's correlation cookies are), which .NET's CookieContainer would not send back.
    /// </summary>
    private sealed class CookieJar : DelegatingHandler
    {
        private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (_cookies)
            {
                if (_cookies.Count > 0)
                {
                    request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
                }
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
            {
                lock (_cookies)
                {
                    foreach (var cookie in set)
                    {
                        var pair = cookie.Split(';', 2)[0].Split('=', 2);
                        if (pair.Length == 2 && pair[1].Length > 0 && !cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                        {
                            _cookies[pair[0].Trim()] = pair[1];
                        }
                        else
                        {
                            _cookies.Remove(pair[0].Trim());
                        }
                    }
                }
            }

            return response;
        }
    }

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();

    [GeneratedRegex("全部（([0-9]+)）")]
    private static partial Regex InboxTotal();
}
