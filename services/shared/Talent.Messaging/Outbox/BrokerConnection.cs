using MassTransit;
using MassTransit.RabbitMqTransport;
using MassTransit.RabbitMqTransport.Configuration;
using MassTransit.Transports;
using RabbitMQ.Client;

namespace Talent.Messaging.Outbox;

/// <summary>
/// The bus's one connection to RabbitMQ, closed on purpose when its channels have gone bad: MassTransit then connects
/// again (to the next node of a cluster when one is named) and opens every channel afresh, as after any lost connection.
/// </summary>
public sealed class BrokerConnection(IBusInstance bus)
{
    /// <summary>Closes the connection the bus uses now; false when there is none (not connected, or not RabbitMQ).</summary>
    public async Task<bool> CloseAsync(string reason, CancellationToken cancellationToken)
    {
        if (bus.HostConfiguration is not IRabbitMqHostConfiguration rabbit)
        {
            return false;
        }

        IConnection? connection = null;
        await rabbit.ConnectionContextSupervisor.Send(Pipe.Execute<ConnectionContext>(context => connection = context.Connection), cancellationToken);
        if (connection is not { IsOpen: true })
        {
            return false;
        }

        await connection.CloseAsync(Constants.ReplySuccess, reason, cancellationToken);
        return true;
    }
}
