using Microsoft.EntityFrameworkCore;
using Talent.Contracts.Applications;
using Talent.Feedback.Data;
using Talent.Messaging.Inbox;

namespace Talent.Feedback.Applications;

/// <summary>
/// Submitted applications are copied (what a rating needs to know of them). Taken in batches
/// (<see cref="BatchInboxConsumer{TContext, TMessage}"/>): every submission fans out here, one lookup and one transaction a batch.
/// </summary>
public sealed class ApplicationSubmittedConsumer(FeedbackDbContext db, TimeProvider time, ILogger<ApplicationSubmittedConsumer> logger)
    : BatchInboxConsumer<FeedbackDbContext, ApplicationSubmitted>(db, time, logger)
{
    protected override async Task HandleAsync(IReadOnlyList<ApplicationSubmitted> messages, CancellationToken cancellationToken)
    {
        var ids = messages.Select(m => m.ApplicationId).Distinct().ToList();
        var copied = (await Db.Applications.Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var message in messages)
        {
            // Resubmissions after a return for supplement carry the same application: keep the first copy.
            if (copied.Add(message.ApplicationId))
            {
                Db.Applications.Add(ApplicationCopy.From(message));
            }
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
