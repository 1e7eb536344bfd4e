using Microsoft.EntityFrameworkCore;
using Talent.Contracts.Applications;
using Talent.Feedback.Data;
using Talent.Messaging.Inbox;

namespace Talent.Feedback.Applications;

public sealed class ApplicationSubmittedConsumer(FeedbackDbContext db, TimeProvider time, ILogger<ApplicationSubmittedConsumer> logger)
    : InboxConsumer<FeedbackDbContext, ApplicationSubmitted>(db, time, logger)
{
    protected override async Task HandleAsync(ApplicationSubmitted message, CancellationToken cancellationToken)
    {
        // Resubmissions after a return for supplement carry the same application: keep the first copy.
        if (!await Db.Applications.AnyAsync(a => a.Id == message.ApplicationId, cancellationToken))
        {
            Db.Applications.Add(ApplicationCopy.From(message));
        }
    }
}

public sealed class ApplicationAcceptedConsumer(FeedbackDbContext db, TimeProvider time, ILogger<ApplicationAcceptedConsumer> logger)
    : InboxConsumer<FeedbackDbContext, ApplicationAccepted>(db, time, logger)
{
    protected override async Task HandleAsync(ApplicationAccepted message, CancellationToken cancellationToken)
    {
        var copy = await Db.Applications.SingleOrDefaultAsync(a => a.Id == message.ApplicationId, cancellationToken);
        copy?.Owned(message.OwnerId);
    }
}
