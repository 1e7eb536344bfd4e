namespace Talent.Benchmarks;

/// <summary>This machine's processes, as /proc shows them (the benchmarks find the running system's parts this way).</summary>
public static class Processes
{
    /// <summary>Each running process's id and program path; processes that end or hide meanwhile are skipped.</summary>
    public static IEnumerable<(int Pid, string Program)> Programs()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Read(pid, "cmdline") is { } commandLine)
            {
                yield return (pid, commandLine.Split('\0')[0]);
            }
        }
    }

    /// <summary>One of a process's /proc files (cmdline, environ), or null once it has ended or may not be read.</summary>
    public static string? Read(int pid, string file)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/{file}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
