using System.Net;
using System.Net.Sockets;

namespace Talent.Testing;

/// <summary>Loopback ports for the servers and gates a test starts in its own process.</summary>
public static class LoopbackPorts
{
    /// <summary>
    /// A listener on a loopback port whose connections reach it. A container engine publishes containers' ports by
    /// rewriting connections to them rather than holding them: a free port the system hands out may be one a container
    /// published before (its connections went to the container, or nowhere once it stopped: "No route to host" for a
    /// whole test, once in a fresh run). Such a port is given back and another taken.
    /// </summary>
    public static TcpListener ReachableListener()
    {
        for (var attempt = 1; ; attempt++)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            if (ReachesItself(listener))
            {
                return listener;
            }

            listener.Stop();
            if (attempt == 20)
            {
                throw new InvalidOperationException("No loopback port reached its own listener in 20 tries.");
            }
        }
    }

    private static bool ReachesItself(TcpListener listener)
    {
        var accepted = listener.AcceptTcpClientAsync();
        // A probe that fails leaves the accept pending until the listener stops, which faults it: observed here.
        accepted.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
        using var probe = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            // A rewritten port may drop the probe's packets silently: a connection not made in 2 s is not ours either.
            probe.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port, timeout.Token).AsTask().Wait();
            if (!accepted.Wait(TimeSpan.FromSeconds(2)))
            {
                return false;
            }

            accepted.Result.Dispose();
            return true;
        }
        catch (AggregateException)
        {
            return false;
        }
    }

    /// <summary>
    /// A free loopback port for a server to bind next: one whose connections reached a listener of this process a
    /// moment ago (see <see cref="ReachableListener"/>), not one a container's published port rewrites.
    /// </summary>
    public static int Free()
    {
        var listener = ReachableListener();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
