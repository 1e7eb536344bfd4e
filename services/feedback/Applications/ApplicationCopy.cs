using Microsoft.EntityFrameworkCore;
using Talent.Contracts.Applications;
using Talent.Feedback.Data;
using Talent.Messaging.Inbox;

namespace Talent.Feedback.Applications;

/// <summary>
/// What feedback knows of an application (from <c>ApplicationSubmitted</c>, <c>ApplicationAccepted</c> and
/// <c>ApplicationDecided</c>): whose it is, the item, the department and the owner, so a ticket about it is routed there.
/// </summary>
public sealed class ApplicationCopy
{
    public Guid Id { get; private set; }

    public string Reference { get; private set; } = "";

    public string ApplicantId { get; private set; } = "";

    public string ItemCode { get; private set; } = "";

    public string LeadDepartment { get; private set; } = "";

    public string? OwnerId { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    private ApplicationCopy()
    {
    }

    public static ApplicationCopy From(ApplicationSubmitted submitted) => new()
    {
        Id = submitted.ApplicationId,
        Reference = submitted.Reference,
        ApplicantId = submitted.ApplicantId,
        ItemCode = submitted.ItemCode,
        LeadDepartment = submitted.LeadDepartment,
        SubmittedAt = submitted.OccurredAt,
    };

    /// <summary>The case's owner, as accepted or decided; a message without one keeps the one known.</summary>
    public void Owned(string? ownerId) => OwnerId = ownerId ?? OwnerId;
}

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
