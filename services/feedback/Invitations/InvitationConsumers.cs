using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Talent.Contracts.Applications;
using Talent.Contracts.Matching;
using Talent.Feedback.Data;
using Talent.Messaging.Inbox;

namespace Talent.Feedback.Invitations;

/// <summary>A decided application opens its invitation to rate (titled from the catalogue copy) and settles its copy's owner.</summary>
public sealed class ApplicationDecidedConsumer(FeedbackDbContext db, TimeProvider time, ILogger<ApplicationDecidedConsumer> logger, IOptions<FeedbackOptions> options)
    : InboxConsumer<FeedbackDbContext, ApplicationDecided>(db, time, logger)
{
    protected override async Task HandleAsync(ApplicationDecided message, CancellationToken cancellationToken)
    {
        if (!await Db.Invitations.AnyAsync(i => i.SubjectId == message.ApplicationId, cancellationToken))
        {
            var title = await Db.CatalogueItems.Where(i => i.Code == message.ItemCode).Select(i => i.TitleZh).SingleOrDefaultAsync(cancellationToken);
            Db.Invitations.Add(EvaluationInvitation.For(message, title ?? message.ItemCode, options.Value.EvaluationOpenFor));
        }

        var copy = await Db.Applications.SingleOrDefaultAsync(a => a.Id == message.ApplicationId, cancellationToken);
        copy?.Owned(message.OwnerId);
    }
}

/// <summary>A closed engagement with a commissioner, butler or broker opens its invitation to rate the provider.</summary>
public sealed class EngagementClosedConsumer(FeedbackDbContext db, TimeProvider time, ILogger<EngagementClosedConsumer> logger, IOptions<FeedbackOptions> options)
    : InboxConsumer<FeedbackDbContext, EngagementClosed>(db, time, logger)
{
    protected override async Task HandleAsync(EngagementClosed message, CancellationToken cancellationToken)
    {
        if (!await Db.Invitations.AnyAsync(i => i.SubjectId == message.EngagementId, cancellationToken))
        {
            Db.Invitations.Add(EvaluationInvitation.For(message, options.Value.EvaluationOpenFor));
        }
    }
}
