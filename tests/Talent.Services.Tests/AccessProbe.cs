using System.Net.Http.Json;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// Probes of one owner's record by every persona: each call with the statuses it may answer. A persona that is not the
/// owner must get nothing (no 2xx) and learn nothing about the record's existence: another applicant gets exactly 404,
/// as for a record that does not exist (403 or 409 would tell them it does). All failures are collected and asserted once.
/// </summary>
public sealed class AccessProbe(string service, Func<string, HttpClient> clientOf)
{
    private readonly List<string> _failures = [];
    private int _probes;
    private int _leaks;

    /// <summary>Calls as the persona and checks the status is one of <paramref name="allowed"/>; a 2xx not allowed is a leak.</summary>
    public async Task ExpectAsync(string persona, HttpMethod method, string path, object? body, params int[] allowed)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await clientOf(persona).SendAsync(request, TestContext.Current.CancellationToken);
        _probes++;
        var status = (int)response.StatusCode;
        if (!allowed.Contains(status))
        {
            var leak = status is >= 200 and < 300 || allowed.SequenceEqual([404]);
            _leaks += leak ? 1 : 0;
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            _failures.Add($"{method} {path} as {persona}: {(leak ? "LEAK " : "")}expected {string.Join(" or ", allowed)}, got {status}: {text[..Math.Min(200, text.Length)]}");
        }
    }

    /// <summary>A list the persona reads must not show the record (<paramref name="id"/>), or must show it for its owner.</summary>
    public async Task ExpectListedAsync(string persona, string path, string id, bool listed)
    {
        using var response = await clientOf(persona).GetAsync(path, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        _probes++;
        if (!response.IsSuccessStatusCode || text.Contains(id, StringComparison.OrdinalIgnoreCase) != listed)
        {
            _leaks += listed ? 0 : 1;
            _failures.Add($"GET {path} as {persona}: {(listed ? "" : "LEAK ")}expected the record {(listed ? "listed" : "not listed")}, got {(int)response.StatusCode}: {text[..Math.Min(200, text.Length)]}");
        }
    }

    /// <summary>The same call as every persona, each with its allowed statuses.</summary>
    public async Task ExpectEachAsync(HttpMethod method, string path, object? body, IReadOnlyDictionary<string, int[]> allowed)
    {
        foreach (var (persona, statuses) in allowed)
        {
            await ExpectAsync(persona, method, path, body, statuses);
        }
    }

    public void AssertNone()
    {
        var figure = $"{service}: {_probes} probes of an owner's record by other personas; {_leaks} leaks, {_failures.Count} failures";
        Talent.Testing.TestReport.Line(figure);
        TestContext.Current.TestOutputHelper?.WriteLine(figure);
        Assert.True(_failures.Count == 0, $"{figure}\n{string.Join("\n", _failures)}");
    }
}
