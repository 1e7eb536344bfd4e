namespace Talent.Portal.Sessions;

/// <summary>
/// One signed-in session: the protected authentication ticket (claims and tokens) keyed by a random id, which is all
/// the browser's cookie carries. Expires with the session; an expired row is refused and removed.
/// </summary>
public sealed class PortalSession
{
    public string Id { get; set; } = "";

    public string Ticket { get; set; } = "";

    public string Subject { get; set; } = "";

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
