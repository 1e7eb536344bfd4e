using System.Security.Claims;
using System.Text.Json;

namespace Talent.Matching.Audit;

/// <summary>
/// Who changed what in matching's own settings, when, and the values before and after (today: the suggestion rules).
/// Written in the same transaction as the change, so an entry exists exactly when the change does. An entry that made a
/// new revision of its subject carries that number: the subject's current revision is its latest entry's.
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public DateTimeOffset At { get; private set; }

    public string Actor { get; private set; } = "";

    /// <summary>e.g. <c>suggestion-rules.replaced</c>.</summary>
    public string Action { get; private set; } = "";

    /// <summary>What changed, e.g. <c>suggestion-rules</c>.</summary>
    public string Subject { get; private set; } = "";

    /// <summary>The subject's revision this change made (1, 2, ...), unique per subject.</summary>
    public int? Revision { get; private set; }

    /// <summary>JSON: the values before and after.</summary>
    public string Details { get; private set; } = "{}";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private AuditEntry()
    {
    }

    public static AuditEntry Of(ClaimsPrincipal user, string action, string subject, int? revision, object details, DateTimeOffset at) => new()
    {
        At = at,
        Actor = Actors.ActorOf(user) is { Length: > 0 } actor ? actor : "unknown",
        Action = action,
        Subject = subject,
        Revision = revision,
        Details = JsonSerializer.Serialize(details, Json),
    };
}
