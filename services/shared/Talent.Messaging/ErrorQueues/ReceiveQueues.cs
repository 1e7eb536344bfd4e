using System.Collections.Concurrent;
using MassTransit;

namespace Talent.Messaging.ErrorQueues;

/// <summary>The queues this service consumes from, as its bus configured them (each has an <c>_error</c> queue beside it).</summary>
public sealed class ReceiveQueues : IEndpointConfigurationObserver
{
    private readonly ConcurrentDictionary<string, byte> _names = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Names => [.. _names.Keys.Order(StringComparer.Ordinal)];

    public void EndpointConfigured<T>(T configurator)
        where T : IReceiveEndpointConfigurator
    {
        // The bus's own endpoint (responses) is temporary and has no error queue.
        var address = configurator.InputAddress;
        if (!address.Query.Contains("temporary=true", StringComparison.OrdinalIgnoreCase) && !address.Query.Contains("autodelete=true", StringComparison.OrdinalIgnoreCase))
        {
            _names.TryAdd(address.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1], 0);
        }
    }
}
