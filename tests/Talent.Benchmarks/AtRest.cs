using System.Diagnostics;

namespace Talent.Benchmarks;

/// <summary>
/// The CPU the running system's own processes use while nothing asks anything of them: each service's and the gateway's
/// processor time over a window, read from the operating system, as a share of one core.
/// </summary>
public static class AtRest
{
    /// <summary>The services' and the gateway's processes on this machine, by name (the municipal stand-in plays an outside system: left out).</summary>
    public static Dictionary<int, string> SystemProcesses()
    {
        var found = new Dictionary<int, string>();
        foreach (var (pid, program) in Processes.Programs())
        {
            var name = Path.GetFileName(program);
            if (name.StartsWith("Talent.", StringComparison.Ordinal) && name != "Talent.MunicipalStandIn"
                && (program.Contains("/services/", StringComparison.Ordinal) || program.Contains("/gateway/", StringComparison.Ordinal)))
            {
                found[pid] = name;
            }
        }

        return found;
    }

    /// <summary>Percent of one core used by each process over <paramref name="window"/>, and their total.</summary>
    public static async Task<(double Total, IReadOnlyDictionary<string, double> ByProcess)> MeasureAsync(TimeSpan window)
    {
        var processes = SystemProcesses();
        var before = processes.ToDictionary(p => p.Key, p => CpuTime(p.Key));
        var clock = Stopwatch.StartNew();
        await Task.Delay(window); // the measured window itself, not a wait for something to happen
        var elapsed = clock.Elapsed;
        var byProcess = new Dictionary<string, double>();
        foreach (var (pid, name) in processes)
        {
            if (CpuTime(pid) is { } after && before[pid] is { } start)
            {
                byProcess[name] = byProcess.GetValueOrDefault(name) + (after - start) / elapsed * 100;
            }
        }

        return (byProcess.Values.Sum(), byProcess);
    }

    private static TimeSpan? CpuTime(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.TotalProcessorTime;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return null; // ended meanwhile
        }
    }
}
