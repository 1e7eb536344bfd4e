namespace Talent.Exchange.Access;

/// <summary>A client may call one exchange service; granted by an operator.</summary>
public sealed class ClientGrant
{
    public const int ClientIdLength = 100;

    public string ClientId { get; private set; } = "";

    public string Service { get; private set; } = "";

    public DateTimeOffset GrantedAt { get; private set; }

    public string GrantedBy { get; private set; } = "";

    private ClientGrant()
    {
    }

    public static ClientGrant Of(string clientId, string service, string by, DateTimeOffset now) =>
        new() { ClientId = clientId, Service = service, GrantedBy = by, GrantedAt = now };
}

/// <summary>The audit trail of grants: every change, who made it, when and why.</summary>
public sealed class GrantChange
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string ClientId { get; private set; } = "";

    public List<string> Granted { get; private set; } = [];

    public List<string> Revoked { get; private set; } = [];

    public string By { get; private set; } = "";

    public string? Reason { get; private set; }

    public DateTimeOffset At { get; private set; }

    private GrantChange()
    {
    }

    public static GrantChange Of(string clientId, IEnumerable<string> granted, IEnumerable<string> revoked, string by, string? reason, DateTimeOffset now) =>
        new() { ClientId = clientId, Granted = [.. granted], Revoked = [.. revoked], By = by, Reason = reason, At = now };
}
