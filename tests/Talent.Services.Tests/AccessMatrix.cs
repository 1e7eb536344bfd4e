using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// The access matrix (issue "no access beyond the role"): every endpoint × every persona of <see cref="AccessPersonas"/>,
/// kept as data in <c>AccessMatrix.json</c> with the outcome judged right: <c>401</c>, <c>403</c>, or <c>in</c>
/// (authorization let the call through: any answer but 401 and 403). Rows carry a <c>why</c> where the right outcome is
/// not what the code answered when the data was written. Each cell is one call with valid-shaped unknown ids and a
/// valid-shaped body: authorization is decided before the handler finds nothing. A handler's own 403 counts as 403.
/// </summary>
public static class AccessMatrix
{
    public const string In = "in";

    /// <summary>Runs one service's rows and asserts once: every cell as the data says, every endpoint in the data, no stale row.</summary>
    public static async Task CheckAsync(string service, IServiceProvider services, Func<string, HttpClient> clientOf)
    {
        var ct = TestContext.Current.CancellationToken;
        var endpoints = ServiceEndpoint.Of(services);
        var expected = Load(service);
        var json = new JsonSerializerOptions(services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions);
        json.TypeInfoResolver ??= new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver();
        var bodies = new BadInputBodies(json);
        var clients = AccessPersonas.All.ToDictionary(p => p, clientOf);
        var failures = new List<string>();
        var observed = new Dictionary<string, Dictionary<string, string>>();
        var (cells, leaks, overRefusals) = (0, 0, 0);

        foreach (var endpoint in endpoints)
        {
            var row = observed[endpoint.Key] = [];
            expected.TryGetValue(endpoint.Key, out var wanted);
            if (wanted is null)
            {
                failures.Add($"{endpoint.Key}: not in the matrix (add a row with the outcome judged right for each persona)");
            }

            var path = endpoint.PathWith(endpoint.Route.ToDictionary(p => p.Name, p => BadInputCorpus.Unknown(p.Type)));
            var body = endpoint.HasBody ? bodies.Sample(endpoint.BodyType).Body.ToJsonString() : null;
            foreach (var persona in AccessPersonas.All)
            {
                using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), path);
                if (body is not null)
                {
                    request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }

                using var response = await clients[persona].SendAsync(request, ct);
                var outcome = response.StatusCode switch
                {
                    HttpStatusCode.Unauthorized => "401",
                    HttpStatusCode.Forbidden => "403",
                    _ => In,
                };
                row[persona] = outcome;
                cells++;
                var want = wanted?.GetValueOrDefault(persona);
                if (wanted is not null && want != outcome)
                {
                    var leak = outcome == In;
                    if (leak)
                    {
                        leaks++;
                    }
                    else
                    {
                        overRefusals++;
                    }

                    failures.Add($"{endpoint.Key} as {persona}: {(leak ? "let through" : "refused")} — expected {want ?? "(no cell)"}, got {outcome} ({(int)response.StatusCode})"
                        + (wanted!.TryGetValue("why", out var why) ? $" — {why}" : ""));
                }
            }
        }

        foreach (var stale in expected.Keys.Except(endpoints.Select(e => e.Key)))
        {
            failures.Add($"{stale}: in the matrix but not mapped any more (remove the row)");
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        WriteObserved(service, observed);
        var figure = $"{service}: {endpoints.Count} endpoints × {AccessPersonas.All.Length} personas = {cells} cells; {leaks} leaks (through where the matrix refuses), "
            + $"{overRefusals} refusals where the matrix lets through, {failures.Count - leaks - overRefusals} rows missing or stale";
        Talent.Testing.TestReport.Line(figure);
        TestContext.Current.TestOutputHelper?.WriteLine(figure);
        Assert.True(endpoints.Count >= 3 && failures.Count == 0, $"{figure}\n{string.Join("\n", failures)}");
    }

    /// <summary>The service's rows: "METHOD /pattern" → persona → outcome (and <c>why</c>).</summary>
    private static Dictionary<string, Dictionary<string, string>> Load(string service)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "AccessMatrix.json");
        var root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
        var rows = root["services"]?[service]?.AsObject() ?? [];
        return rows.ToDictionary(r => r.Key, r => r.Value!.AsObject().ToDictionary(c => c.Key, c => c.Value!.GetValue<string>()));
    }

    /// <summary>
    /// With <c>TALENT_ACCESS_MATRIX_OBSERVED</c> set to a folder, writes what the code answered as <c>{service}.json</c>, rows
    /// in the data file's shape: the way to start rows for new endpoints (then judge each one; never copy blindly).
    /// </summary>
    private static void WriteObserved(string service, Dictionary<string, Dictionary<string, string>> observed)
    {
        if (Environment.GetEnvironmentVariable("TALENT_ACCESS_MATRIX_OBSERVED") is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var lines = observed.Select(r => $"  {JsonSerializer.Serialize(r.Key)}: {{ {string.Join(", ", AccessPersonas.All.Select(p => $"\"{p}\": \"{r.Value[p]}\""))} }}");
        File.WriteAllText(Path.Combine(folder, $"{service}.json"), "{\n" + string.Join(",\n", lines) + "\n}\n");
    }
}
