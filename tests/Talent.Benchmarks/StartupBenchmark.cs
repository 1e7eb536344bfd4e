using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Talent.Benchmarks;

/// <summary>
/// Time from the run command to the gateway's /health answering healthy: cold (a fresh data folder, so the
/// PostgreSQL cluster, databases and migrations are created) and warm (the same folder again). The build is
/// already done by then (the run command builds incrementally first; its time is included).
/// </summary>
public static partial class StartupBenchmark
{
    public static async Task<int> RunAsync(Options options)
    {
        var root = options.Get("root", FindRoot());
        var data = Path.Combine(Path.GetTempPath(), "talent-startup-" + Guid.NewGuid().ToString("N")[..8]);
        var gateway = options.Gateway;
        try
        {
            foreach (var label in new[] { "cold (fresh data folder)", "warm (same data folder)", "warm again" })
            {
                var elapsed = await TimeOneStartAsync(root, data, gateway);
                Console.WriteLine($"  {label}: run command -> gateway /health healthy in {elapsed.TotalSeconds:0.0} s");
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }

        return 0;
    }

    private static async Task<TimeSpan> TimeOneStartAsync(string root, string data, Uri gateway)
    {
        var start = new ProcessStartInfo(Path.Combine(root, "scripts", "run"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["TALENT_DATA_DIR"] = data },
        };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"scripts/run exited with {process.ExitCode} before the gateway was healthy");
                }

                try
                {
                    using var response = await http.GetAsync(new Uri(gateway, "/health"));
                    if (response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync()).Contains("\"Healthy\"", StringComparison.Ordinal))
                    {
                        return clock.Elapsed;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                }

                if (clock.Elapsed > TimeSpan.FromMinutes(5))
                {
                    throw new TimeoutException("the gateway was not healthy within 5 minutes");
                }

                await Task.Delay(100);
            }
        }
        finally
        {
            _ = Kill(process.Id, 15);
            await process.WaitForExitAsync();
            await WaitUntilClosedAsync(gateway.Port);
            await WaitUntilClosedAsync(54329);
        }
    }

    private static async Task WaitUntilClosedAsync(int port)
    {
        for (var i = 0; i < 600; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
            }
            catch (SocketException)
            {
                return;
            }

            await Task.Delay(100);
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Talent.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("run from inside the repository, or pass --root");
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}
