using Microsoft.EntityFrameworkCore;
using Talent.Contracts.Feedback;
using Talent.Matching.Data;
using Talent.Messaging.Inbox;

namespace Talent.Matching.Engagements;

/// <summary>A rated engagement updates its provider's rating, once per evaluation (the inbox drops a redelivery).</summary>
public sealed class EvaluationSubmittedConsumer(MatchingDbContext db, TimeProvider time, ILogger<EvaluationSubmittedConsumer> logger)
    : InboxConsumer<MatchingDbContext, EvaluationSubmitted>(db, time, logger)
{
    protected override async Task HandleAsync(EvaluationSubmitted message, CancellationToken cancellationToken)
    {
        if (message.Subject != "engagement" || message.Score is < 1 or > 5)
        {
            return;
        }

        var engagement = await Db.Engagements.AsNoTracking().SingleOrDefaultAsync(e => e.Id == message.SubjectId, cancellationToken);
        if (engagement is not null && await Db.Providers.SingleOrDefaultAsync(p => p.Id == engagement.ProviderId, cancellationToken) is { } provider)
        {
            provider.Rated(message.Score);
        }
    }
}
