using System.Text.Json;
using Xunit;

namespace Talent.SystemTests;

/// <summary>
/// The embedded default runs every project on its launch profile's port: two projects on one port meant the gateway's
/// /exchange/v1 reached the portal (both had 5107), found by hand. No system needs to run for this.
/// </summary>
public sealed class LaunchProfileTests
{
    [Fact]
    public void Every_project_the_apphost_runs_has_a_launch_profile_port_of_its_own()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
        var profiles = Directory.GetFiles(Path.Combine(root, "services"), "launchSettings.json", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(root, "gateway"), "launchSettings.json", SearchOption.AllDirectories))
            .Where(p => !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal))
            .ToList();
        Assert.True(profiles.Count >= 10, $"found {profiles.Count} launch profiles under {root}");

        var ports = profiles.SelectMany(path =>
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            return json.RootElement.GetProperty("profiles").EnumerateObject()
                .Where(p => p.Value.TryGetProperty("applicationUrl", out _))
                .SelectMany(p => p.Value.GetProperty("applicationUrl").GetString()!.Split(';'))
                .Select(url => (Port: new Uri(url).Port, Path: Path.GetRelativePath(root, path)))
                .DistinctBy(p => p.Port)
                .ToList();
        }).ToList();
        var shared = ports.GroupBy(p => p.Port).Where(g => g.Select(p => p.Path).Distinct().Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(p => p.Path))}").ToList();
        Assert.True(shared.Count == 0, "Ports used by more than one project: " + string.Join("; ", shared));
    }
}
