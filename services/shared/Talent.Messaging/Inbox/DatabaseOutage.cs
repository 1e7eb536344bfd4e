using System.Net.Sockets;
using Npgsql;

namespace Talent.Messaging.Inbox;

/// <summary>
/// Tells a database that is unreachable for now (down, restarting, refusing connections, out of connections) from a
/// message that cannot be applied. The first passes when the server is back, so a consumer waits it out instead of
/// sending the message to the error queue, where it would wait for a person.
/// </summary>
public static class DatabaseOutage
{
    public static bool IsOutage(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case PostgresException postgres:
                    // 08: connection exceptions; 57P01-03: shut down, crashed, starting up; 53300: too many connections.
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                            or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections;
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                    return true;
            }
        }

        return false;
    }
}
