using Microsoft.EntityFrameworkCore;
using Talent.Contracts.Feedback;
using Talent.Matching.Data;
using Talent.Messaging.Inbox;

namespace Talent.Matching.Engagements;

/// <summary>A rated engagement updates its provider's rating, once per evaluation (the inbox drops a redelivery).</summary>
public sealed class EvaluationSubmittedConsumer(MatchingDbContext db, TimeProvider time, ILogger<EvaluationSubmittedConsumer> logger)
    : InboxConsumer<MatchingDbContext, EvaluationSubmitted>(db, time, logger)
{
    /// <summary>Ratings of applications (most of them) are not matching's business: no transaction for those.</summary>
    protected override bool Concerns(EvaluationSubmitted message) => message.Subject == "engagement" && message.Score is >= 1 and <= 5;

    protected override async Task HandleAsync(EvaluationSubmitted message, CancellationToken cancellationToken)
    {
        var engagement = await Db.Engagements.AsNoTracking().SingleOrDefaultAsync(e => e.Id == message.SubjectId, cancellationToken);
        if (engagement is not null && await Db.Providers.SingleOrDefaultAsync(p => p.Id == engagement.ProviderId, cancellationToken) is { } provider)
        {
            provider.Rated(message.Score);
        }
    }
}
