namespace Talent.Identity.Data;

/// <summary>Who changed what, when: every change made through the admin API.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public string Actor { get; set; } = "";

    public string Action { get; set; } = "";

    public string Target { get; set; } = "";

    public string? Details { get; set; }
}
