using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Xunit;

namespace Talent.SystemTests;

/// <summary>
/// Every service's OpenAPI document is served through the gateway at <c>/openapi/{service}.json</c>, passes Redocly's
/// recommended rules (npm <c>@redocly/cli</c>, installed by the test command under <c>tests/openapi-lint</c>), and one
/// API reference page at <c>/api/reference</c> shows them all.
/// </summary>
public sealed class ApiReferenceTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    public static TheoryData<string> Services => ["identity", "catalogue", "applications", "feedback", "matching", "notifications", "exchange"];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Each_service_documents_its_API_through_the_gateway_and_the_document_passes_the_recommended_lint(string service)
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await system.Gateway.GetAsync($"/openapi/{service}.json", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync(ct);
        using (var document = JsonDocument.Parse(json))
        {
            Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString());
            Assert.NotEmpty(document.RootElement.GetProperty("paths").EnumerateObject());
        }

        var file = Path.Combine(Path.GetTempPath(), $"talent-openapi-{service}-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, json, ct);
        try
        {
            var (exit, output) = await LintAsync(file, ct);
            Assert.True(exit == 0, $"redocly lint failed for {service} (exit {exit}):\n{output}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task One_API_reference_page_lists_every_service_document()
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await system.Gateway.GetAsync("/api/reference", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync(ct);
        foreach (var service in Services)
        {
            Assert.Contains(service, page, StringComparison.Ordinal);
        }
    }

    private static async Task<(int Exit, string Output)> LintAsync(string file, CancellationToken ct)
    {
        var tools = FindLintFolder();
        var redocly = Path.Combine(tools, "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(redocly), $"Redocly CLI is not installed at {redocly}: run the tests with scripts/test (it runs npm ci in tests/openapi-lint).");
        var start = new ProcessStartInfo(redocly, ["lint", file, "--config", Path.Combine(tools, "redocly.yaml"), "--format", "stylish"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = tools,
        };
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string FindLintFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "openapi-lint");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/openapi-lint not found above " + AppContext.BaseDirectory);
    }
}
