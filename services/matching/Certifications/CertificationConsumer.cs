using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Talent.Contracts.Exchange;
using Talent.Matching.Data;
using Talent.Matching.Demands;
using Talent.Matching.Matching;
using Talent.Messaging.Inbox;

namespace Talent.Matching.Certifications;

/// <summary>
/// A certification from the exchange is kept, and the person's demands still running are classified again: a certified
/// designation replaces a self-declared one (and a revoked or expired one no longer counts), each demand saying which it used.
/// </summary>
public sealed class CertificationConsumer(MatchingDbContext db, IOptions<TierOptions> tiers, TimeProvider time, ILogger<CertificationConsumer> logger)
    : InboxConsumer<MatchingDbContext, TalentCertified>(db, time, logger)
{
    protected override async Task HandleAsync(TalentCertified message, CancellationToken cancellationToken)
    {
        var copy = await Db.Certifications.SingleOrDefaultAsync(c => c.Issuer == message.Issuer && c.CertificationId == message.CertificationId, cancellationToken);
        if (copy is null)
        {
            copy = CertificationCopy.Of(message.Issuer, message.CertificationId);
            Db.Certifications.Add(copy);
        }

        if (!copy.Apply(message.PersonId, message.Programme, message.Designation, message.CertifiedOn, message.ValidUntil, message.Revoked, message.OccurredAt))
        {
            return;
        }

        // The person's other certifications, and this one as now told (not yet saved).
        var held = await Db.Certifications.Where(c => c.PersonId == message.PersonId).ToListAsync(cancellationToken);
        var certified = CertificationCopy.Best(held.Append(copy).Distinct(), tiers.Value, DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime));
        var demands = await Db.Demands.Where(d => d.ClientId == message.PersonId && d.State != DemandState.Closed).ToListAsync(cancellationToken);
        foreach (var demand in demands)
        {
            demand.Classify(tiers.Value, certified);
        }
    }
}
