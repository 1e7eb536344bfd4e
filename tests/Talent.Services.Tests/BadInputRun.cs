using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// Sends the whole <see cref="BadInputCorpus"/> to every endpoint of one running service and judges each answer: never a
/// 5xx, and every 400 a problem details (<c>application/problem+json</c>) naming the field (<c>errors</c> with at least
/// one key, or the <c>field</c> extension). Other 4xx (404, 405, 409, 412, 413, 415, 422, 428) are fine. All failures
/// are collected and asserted once, with the figure.
/// </summary>
public static class BadInputRun
{
    /// <summary>
    /// A 400 of an endpoint whose answer is not ours to shape (OpenID Connect's RFC 6749 error object, the sign-in page's
    /// HTML): the predicate says whether its format is that endpoint's standard one.
    /// </summary>
    public delegate bool StandardAnswer(ServiceEndpoint endpoint, Answer answer);

    /// <summary>What came back: the status, the body's media type, the body, and the WWW-Authenticate header (RFC 6750 errors).</summary>
    public sealed record Answer(int Status, string? MediaType, string Body, string? Challenge);

    /// <summary>Real records for an endpoint's route parameters, by name (fresh ones per endpoint where the test can make them).</summary>
    public delegate Task<IReadOnlyDictionary<string, string>> Records(ServiceEndpoint endpoint);

    /// <summary>A valid form for an endpoint that reads one, and the client to send it with when it needs its own (a cookie).</summary>
    public sealed record FormSample(IReadOnlyDictionary<string, string> Fields, HttpClient? Client = null);

    /// <summary>The form sample of an endpoint (null for endpoints that read no form).</summary>
    public delegate Task<FormSample?> Forms(ServiceEndpoint endpoint);

    public static async Task RunAsync(string service, IServiceProvider services, HttpClient client, Records records, StandardAnswer? standard = null, Forms? forms = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = Stopwatch.StartNew();
        var endpoints = ServiceEndpoint.Of(services);
        var json = new JsonSerializerOptions(services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions);
        json.TypeInfoResolver ??= new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver();
        var corpus = new BadInputCorpus(new BadInputBodies(json));
        var failures = new ConcurrentBag<string>();
        var accepted = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var sent = 0;
        var serverErrors = 0;
        var unnamed = 0;

        // A few endpoints at a time; each endpoint's cases in order (they may change the record they work on).
        await Parallel.ForEachAsync(endpoints, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (endpoint, token) =>
        {
            var method = new HttpMethod(endpoint.Method);
            var twin = endpoint.Method == "PUT" && endpoints.Any(e => e.Method == "GET" && e.Pattern == endpoint.Pattern);
            IReadOnlyDictionary<string, string> known = endpoint.Route.Count == 0 ? new Dictionary<string, string>() : await records(endpoint);
            var form = endpoint.HasBody && forms is not null ? await forms(endpoint) : null;
            foreach (var c in corpus.For(endpoint, known, form?.Fields))
            {
                var theCase = c;
                if (twin && !c.Name.StartsWith("route", StringComparison.Ordinal) && !c.Headers.Any(h => h.Name == "If-Match")
                    && await CurrentETagAsync(client, c.PathAndQuery.Split('?')[0], token) is { } etag)
                {
                    // The current revision, so the body is judged rather than the precondition.
                    theCase = c with { Headers = [.. c.Headers, ("If-Match", etag)] };
                }

                Interlocked.Increment(ref sent);
                var answer = await SendAsync(theCase.FromForm && form?.Client is { } own ? own : client, method, theCase, token);
                var (status, mediaType, body) = (answer.Status, answer.MediaType, answer.Body);
                Log?.WriteLine($"{endpoint.Key}\t{theCase.Name}\t{status}\t{Head(body)}");
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                var where = $"{endpoint.Key} [{theCase.Name}] {theCase.PathAndQuery[..Math.Min(theCase.PathAndQuery.Length, 120)]}";
                if (status >= 500 || status == 0)
                {
                    Interlocked.Increment(ref serverErrors);
                    failures.Add($"{where} -> {status}: {Head(body)}");
                }
                else if (status == 400 && !NamesAField(mediaType, body) && standard?.Invoke(endpoint, answer) != true)
                {
                    Interlocked.Increment(ref unnamed);
                    failures.Add($"{where} -> 400 without a named field ({mediaType ?? "no content type"}): {Head(body)}");
                }
                else if (status is >= 200 and < 300 && theCase.Name.StartsWith("body ", StringComparison.Ordinal) && theCase.Name.Contains("1 MB", StringComparison.Ordinal))
                {
                    accepted.Add($"{where} -> {status}");
                }
            }
        });

        var figure = $"{service}: {endpoints.Count} endpoints, {sent} requests in {clock.Elapsed.TotalSeconds:0.0} s; {serverErrors} answered 5xx, "
            + $"{unnamed} answered 400 without naming a field; statuses {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}; "
            + $"{accepted.Count} 1 MB body values accepted with a 2xx";
        Talent.Testing.TestReport.Line(figure);
        TestContext.Current.TestOutputHelper?.WriteLine(figure);
        foreach (var line in accepted.Order())
        {
            TestContext.Current.TestOutputHelper?.WriteLine("accepted: " + line);
        }

        Assert.True(sent > 0 && endpoints.Count >= 3, $"{service}: the enumeration found {endpoints.Count} endpoints and sent {sent} requests");
        Assert.True(failures.IsEmpty, $"{figure}\n{failures.Count} failures:\n{string.Join("\n", failures.Order(StringComparer.Ordinal))}");
    }

    /// <summary>RFC 7807 problem details naming a field: <c>errors</c> with a key, or a non-empty <c>field</c> extension.</summary>
    public static bool NamesAField(string? mediaType, string body)
    {
        if (mediaType != "application/problem+json")
        {
            return false;
        }

        try
        {
            var problem = JsonDocument.Parse(body).RootElement;
            return (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object && errors.EnumerateObject().Any())
                || (problem.TryGetProperty("field", out var field) && field.ValueKind == JsonValueKind.String && field.GetString()!.Length > 0);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static async Task<Answer> SendAsync(HttpClient client, HttpMethod method, BadInputCase c, CancellationToken ct)
    {
        try
        {
            using var request = BadInputCorpus.Request(method, c);
            using var response = await client.SendAsync(request, ct);
            return new((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(ct),
                response.Headers.WwwAuthenticate.ToString());
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException)
        {
            // The in-process server threw past its exception handler: as bad as a 500.
            return new(0, null, $"{e.GetType().Name}: {e.Message}", null);
        }
    }

    // With TALENT_BADINPUT_LOG set to a file, every answer is appended to it (method and pattern, case, status, body head): to review what the corpus reaches.
    private static readonly TextWriter? Log = Environment.GetEnvironmentVariable("TALENT_BADINPUT_LOG") is { Length: > 0 } path
        ? TextWriter.Synchronized(new StreamWriter(path, append: true) { AutoFlush = true }) : null;

    private static async Task<string?> CurrentETagAsync(HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.GetAsync(path, ct);
        return response.StatusCode == HttpStatusCode.OK ? response.Headers.ETag?.ToString() : null;
    }

    private static string Head(string body) => body.Length > 300 ? body[..300].ReplaceLineEndings(" ") + "…" : body.ReplaceLineEndings(" ");
}
