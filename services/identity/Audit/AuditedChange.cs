using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Storage;
using Talent.Identity.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Talent.Identity.Audit;

/// <summary>
/// What an operator's change through the admin API needs (bind with <c>[AsParameters]</c>): who makes it, the database
/// the change and its audit entry are saved in together, the clock.
/// </summary>
public sealed record AuditedChange(ClaimsPrincipal Actor, IdentityDb Db, TimeProvider Time, CancellationToken Cancellation)
{
    /// <summary>The change and its audit entry commit together or not at all.</summary>
    public Task<IDbContextTransaction> BeginAsync() => Db.Database.BeginTransactionAsync(Cancellation);

    /// <summary>Adds the audit entry, stamped now; <see cref="CommitAsync"/> saves it.</summary>
    public void Record(string action, string target, object? details) =>
        Db.Audit.Add(new AuditEntry
        {
            At = Time.GetUtcNow(),
            Actor = ActorOf(Actor),
            Action = action,
            Target = target,
            Details = details is null ? null : JsonSerializer.Serialize(details, JsonSerializerOptions.Web),
        });

    public async Task CommitAsync(IDbContextTransaction transaction)
    {
        await Db.SaveChangesAsync(Cancellation);
        await transaction.CommitAsync(Cancellation);
    }

    /// <summary>How the audit trail names a person: <c>operator1 (demo-operator1)</c>.</summary>
    public static string ActorOf(ClaimsPrincipal user) => $"{user.FindFirstValue(Claims.Name)} ({user.FindFirstValue(Claims.Subject)})";
}
