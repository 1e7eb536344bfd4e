using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Talent.SystemTests;

/// <summary>
/// Starts a whole AppHost for a test and waits until the gateway is healthy (it waits for every service), within a
/// budget. When the budget runs out, the failure names each resource that was not ready and what state it was in,
/// instead of a bare <see cref="TaskCanceledException"/>.
/// </summary>
internal static class SystemStart
{
    /// <summary>
    /// Measured on a cold 2-core machine with nothing else running: first build of the services' JIT output, PostgreSQL
    /// databases created and migrated, demonstration data seeded, about 60-90 s to a healthy gateway (container mode adds
    /// ~15 s for its two containers). Twice that leaves room for a slow day without hiding a hang.
    /// </summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("TALENT_TEST_STARTUP_SECONDS"), out var seconds) && seconds > 0 ? seconds : 180);

    /// <summary>
    /// Two replicas of each service, every replica healthy: 146 s with six services (fresh clone, 2 cores); with the
    /// exchange and the stand-in (nineteen .NET processes, each under its own "dotnet run", which costs 3-4 s of CPU more)
    /// 265-269 s, all of it CPU-bound (load average above 70). CI once did not get there within 540 s (three times the
    /// one-replica budget), with nothing in the log that said why: four times now, and the report names what was not ready.
    /// </summary>
    public static TimeSpan BudgetFor(int replicas) => replicas > 1 ? Budget * 4 : Budget;

    public static async Task StartAsync(DistributedApplication app, string what, int replicas = 1, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var allowed = BudgetFor(replicas);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(allowed);
        // The latest state of every resource instance (each replica under its own id), for the message when time runs out.
        var latest = new System.Collections.Concurrent.ConcurrentDictionary<string, ResourceEvent>();
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watcher = WatchAsync(app, latest, watching.Token);
        try
        {
            await app.StartAsync(budget.Token);
            await app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", budget.Token);
            if (replicas > 1)
            {
                // The gateway opens once one replica of each service is healthy; the tests start when every replica is.
                await EveryReplicaHealthyAsync(app, replicas, budget.Token);
            }

            Report($"{what} was healthy {clock.Elapsed.TotalSeconds:0.0} s after start (budget {allowed.TotalSeconds:0} s)");
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The test command prints the report after the phase: the resources that were not ready reach its last lines.
            var notReady = string.Join("; ", NotReady(latest.Values));
            Report($"{what} was not ready within {allowed.TotalSeconds:0} s. Not ready: {notReady}");
            throw new TimeoutException(
                $"{what} was not ready within {allowed.TotalSeconds:0} s. Not ready: {notReady}. " +
                "Each service waits for its database and broker, the catalogue for its consumers, the gateway for every service.");
        }
        finally
        {
            await watching.CancelAsync();
            await watcher;
        }
    }

    private static async Task WatchAsync(DistributedApplication app, System.Collections.Concurrent.ConcurrentDictionary<string, ResourceEvent> latest, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var change in app.ResourceNotifications.WatchAsync(cancellationToken))
            {
                latest[change.ResourceId] = change;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Waits until each replicated resource has <paramref name="replicas"/> healthy instances.</summary>
    private static async Task EveryReplicaHealthyAsync(DistributedApplication app, int replicas, CancellationToken cancellationToken)
    {
        var replicated = app.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .Where(r => r.TryGetLastAnnotation<ReplicaAnnotation>(out var annotation) && annotation.Replicas > 1)
            .Select(r => r.Name).ToHashSet();
        var healthy = replicated.ToDictionary(name => name, _ => new HashSet<string>());
        await foreach (var change in app.ResourceNotifications.WatchAsync(cancellationToken))
        {
            if (healthy.TryGetValue(change.Resource.Name, out var ids))
            {
                if (change.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
                {
                    ids.Add(change.ResourceId);
                }
                else
                {
                    ids.Remove(change.ResourceId);
                }
            }

            if (healthy.Values.All(ids => ids.Count >= replicas))
            {
                return;
            }
        }
    }

    private static void Report(string line) => Talent.Testing.TestReport.Line(line);

    private static IEnumerable<string> NotReady(IEnumerable<ResourceEvent> instances)
    {
        foreach (var instance in instances.OrderBy(i => i.ResourceId, StringComparer.Ordinal))
        {
            var name = instance.ResourceId;
            var snapshot = instance.Snapshot;
            var state = snapshot.State?.Text;
            var running = state is "Running" or "Active";
            if (snapshot.IsHidden || snapshot.HealthStatus is HealthStatus.Healthy || (running && snapshot.HealthReports.IsEmpty))
            {
                continue;
            }

            if (!running)
            {
                yield return $"{name} ({state ?? "no state"})";
                continue;
            }

            var failing = snapshot.HealthReports
                .Where(report => report.Status is not HealthStatus.Healthy)
                .Select(report => report.Name + (report.Description is { Length: > 0 } d ? ": " + d : report.ExceptionText is { Length: > 0 } e ? ": " + e.Split('\n')[0] : ""));
            yield return $"{name} (running, {snapshot.HealthStatus?.ToString() ?? "health unknown"}" +
                (failing.Any() ? ": " + string.Join(", ", failing) : "") + ")";
        }
    }
}
