using System.Security.Claims;
using System.Text.Json;

namespace Talent.Catalogue.Audit;

/// <summary>
/// Who changed what in the catalogue, when: reference data, synonyms and every step of the editing workflow.
/// Written in the same SaveChanges as the change, so an entry exists exactly when the change does.
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public DateTimeOffset At { get; private set; }

    public string Actor { get; private set; } = "";

    /// <summary>e.g. <c>department.saved</c>, <c>policy.saved</c>, <c>synonyms.replaced</c>, <c>item.published</c>.</summary>
    public string Action { get; private set; } = "";

    /// <summary>The code of what changed (item, department, policy).</summary>
    public string Subject { get; private set; } = "";

    /// <summary>JSON: the values before and after, or the reason given.</summary>
    public string Details { get; private set; } = "{}";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static AuditEntry Of(ClaimsPrincipal user, string action, string subject, object details, DateTimeOffset at) => new()
    {
        At = at,
        Actor = user.FindFirstValue("sub") ?? "unknown",
        Action = action,
        Subject = subject,
        Details = JsonSerializer.Serialize(details, Json),
    };

    public static AuditEntry System(string action, string subject, object details, DateTimeOffset at) => new()
    {
        At = at,
        Actor = "system",
        Action = action,
        Subject = subject,
        Details = JsonSerializer.Serialize(details, Json),
    };
}
