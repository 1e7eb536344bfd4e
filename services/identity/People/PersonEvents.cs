using Microsoft.AspNetCore.Identity;
using Talent.Contracts.People;
using Talent.Identity.Audit;
using Talent.Identity.Data;
using Talent.Messaging.Outbox;

namespace Talent.Identity.People;

/// <summary>
/// What the other services learn of a person: <c>PersonChanged</c> with the record as it is now, recorded in the outbox so
/// it commits with the change that caused it (or not at all).
/// </summary>
public static class PersonEvents
{
    public static PersonChanged Of(TalentUser user, IEnumerable<string> roles, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), now, user.Id, user.DisplayName, [.. roles.Order(StringComparer.Ordinal)], user.DepartmentCode, user.ApplicantKind, user.Disabled,
            user.Email, user.PhoneNumber, user.Language);

    /// <summary>Records the person as changed (roles as stored now) with an operator's change; saved by its commit.</summary>
    public static async Task RecordAsync(AuditedChange change, UserManager<TalentUser> users, TalentUser user) =>
        change.Db.RecordEvent(Of(user, await users.GetRolesAsync(user), change.Time.GetUtcNow()));
}
