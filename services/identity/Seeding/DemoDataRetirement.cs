using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Talent.Identity.Data;
using Talent.Identity.People;
using Talent.Messaging.Outbox;

namespace Talent.Identity.Seeding;

/// <summary>
/// Demonstration data off must mean gone: a database seeded by an earlier start with it on keeps accounts whose
/// password is published and clients whose secret or flow is. At start with it off, those accounts are disabled and
/// lose their password (their subjects stay, so what other services hold still names someone; sessions end with the
/// new security stamp), and those clients are deleted with their tokens and authorizations. Each step is in the
/// audit trail; a start with nothing left to retire changes nothing.
/// </summary>
public sealed class DemoDataRetirement(
    IdentityDb db,
    UserManager<TalentUser> users,
    IOpenIddictApplicationManager applications,
    TimeProvider time,
    ILogger<DemoDataRetirement> log)
{
    /// <summary>How the audit trail names this start-up step.</summary>
    public const string Actor = "system (Identity:DemoData off)";

    public async Task RetireAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Replicas starting together: one retires, the others then find nothing left (the lock ends with the transaction).
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('talent-identity-demo-retirement'))", cancellationToken);
        var retired = new List<string>();
        foreach (var userName in DemoData.UserNames)
        {
            // By subject, not by name: a person an operator created under the same name is not a demonstration account.
            var user = await users.FindByIdAsync(DemoData.SubjectOf(userName));
            if (user is null || (user.Disabled && !await users.HasPasswordAsync(user)))
            {
                continue;
            }

            user.Disabled = true;
            // Other services' people copies learn it in the same save (the outbox row goes with the user's change).
            db.RecordEvent(PersonEvents.Of(user, await users.GetRolesAsync(user), time.GetUtcNow()));
            // Removing the password also renews the security stamp, which ends the account's cookie sessions.
            Check(await users.RemovePasswordAsync(user), userName);
            Record("demo.user.disabled", userName);
            retired.Add(userName);
        }

        foreach (var clientId in DemoData.PublishedClients)
        {
            if (await applications.FindByClientIdAsync(clientId, cancellationToken) is { } application)
            {
                await applications.DeleteAsync(application, cancellationToken);
                Record("demo.client.deleted", clientId);
                retired.Add(clientId);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (retired.Count > 0)
        {
            log.LogWarning("Demonstration data is off: retired {Retired}", string.Join(", ", retired));
        }
    }

    private void Record(string action, string target) =>
        db.Audit.Add(new AuditEntry { At = time.GetUtcNow(), Actor = Actor, Action = action, Target = target });

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Retiring the demonstration account {userName} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
