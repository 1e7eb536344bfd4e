using System.Security.Claims;
using Talent.Catalogue.Audit;

namespace Talent.Catalogue.Data;

/// <summary>
/// What an endpoint that changes the catalogue works with: the caller, the database and the clock (bound with
/// <c>[AsParameters]</c>). The audit entry is added to the same unit of work as the change it records.
/// </summary>
public sealed record ChangeContext(ClaimsPrincipal User, CatalogueDbContext Db, TimeProvider Time, CancellationToken Cancellation)
{
    public DateTimeOffset Now() => Time.GetUtcNow();

    public void Audit(string action, string subject, object details, DateTimeOffset at) =>
        Db.Audit.Add(AuditEntry.Of(User, action, subject, details, at));

    public Task<int> SaveAsync() => Db.SaveChangesAsync(Cancellation);
}
