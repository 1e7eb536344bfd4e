using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Talent.Testing;

/// <summary>Servers a test starts on this machine (<see cref="RabbitCluster"/>'s nodes): a free port, a process with its output in a file.</summary>
internal static class LocalProcess
{
    public static Process Start(string home, int epmdPort, string file, IReadOnlyList<string> arguments, IDictionary<string, string> environment, string log)
    {
        // Through a shell so that the output goes to a file (nothing has to read a pipe); exec keeps one process tree.
        var command = string.Join(' ', new[] { file }.Concat(arguments).Select(Quote)) + " >" + Quote(log) + " 2>&1";
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("exec " + command);
        info.Environment["HOME"] = home;
        info.Environment["ERL_EPMD_PORT"] = epmdPort.ToString();
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return Process.Start(info)!;
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''") + "'";

    public static int FreePort() => LoopbackPorts.Free();
}
