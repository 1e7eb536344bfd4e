using Microsoft.Extensions.Options;
using Talent.Contracts.Applications;
using Talent.Messaging.Inbox;
using Talent.Notifications.Data;

namespace Talent.Notifications.Messages;

/// <summary>The applicant hears that the application was returned for supplement, with the officer's note.</summary>
public sealed class SupplementRequestedConsumer(NotificationsDbContext db, TimeProvider time, ILogger<SupplementRequestedConsumer> logger, Notifier notifier)
    : InboxConsumer<NotificationsDbContext, ApplicationReturnedForSupplement>(db, time, logger)
{
    protected override async Task HandleAsync(ApplicationReturnedForSupplement message, CancellationToken cancellationToken)
    {
        var (zh, en) = await notifier.ItemTitleAsync(message.ItemCode, cancellationToken);
        var facts = new MessageFacts(NotificationKinds.SupplementRequested, message.Reference, message.ItemCode, zh, en, Note: message.Note);
        await notifier.NotifyAsync(message.ApplicantId, message.EventId, facts, References.CaseLink(message.ApplicationId), cancellationToken);
    }
}

/// <summary>The applicant hears that the application was accepted: who owns it and by when it will be decided.</summary>
public sealed class AcceptedConsumer(NotificationsDbContext db, TimeProvider time, ILogger<AcceptedConsumer> logger, Notifier notifier)
    : InboxConsumer<NotificationsDbContext, ApplicationAccepted>(db, time, logger)
{
    protected override async Task HandleAsync(ApplicationAccepted message, CancellationToken cancellationToken)
    {
        var (zh, en) = await notifier.ItemTitleAsync(message.ItemCode, cancellationToken);
        var facts = new MessageFacts(NotificationKinds.Accepted, message.Reference, message.ItemCode, zh, en, By: message.DecisionDeadline,
            OwnerName: await notifier.NameOfAsync(message.OwnerId, cancellationToken));
        await notifier.NotifyAsync(message.ApplicantId, message.EventId, facts, References.CaseLink(message.ApplicationId), cancellationToken);
    }
}

/// <summary>The applicant hears that the application was not accepted (不予受理), with the reason and the way to object.</summary>
public sealed class RefusedConsumer(NotificationsDbContext db, TimeProvider time, ILogger<RefusedConsumer> logger, Notifier notifier)
    : InboxConsumer<NotificationsDbContext, ApplicationRefused>(db, time, logger)
{
    protected override async Task HandleAsync(ApplicationRefused message, CancellationToken cancellationToken)
    {
        var (zh, en) = await notifier.ItemTitleAsync(message.ItemCode, cancellationToken);
        var facts = new MessageFacts(NotificationKinds.Refused, message.Reference, message.ItemCode, zh, en, Note: message.Reason);
        await notifier.NotifyAsync(message.ApplicantId, message.EventId, facts, References.CaseLink(message.ApplicationId), cancellationToken);
    }
}

/// <summary>The applicant hears the decision, and is invited to rate the service by the end of its rating window.</summary>
public sealed class DecidedConsumer(NotificationsDbContext db, TimeProvider time, ILogger<DecidedConsumer> logger, Notifier notifier, IOptions<NotificationsOptions> options)
    : InboxConsumer<NotificationsDbContext, ApplicationDecided>(db, time, logger)
{
    protected override async Task HandleAsync(ApplicationDecided message, CancellationToken cancellationToken)
    {
        var (zh, en) = await notifier.ItemTitleAsync(message.ItemCode, cancellationToken);
        var rateBy = options.Value.RateBy(message.OccurredAt);
        var facts = new MessageFacts(NotificationKinds.Decided, message.Reference, message.ItemCode, zh, en, By: rateBy, Note: message.Decision, Approved: message.Approved);
        await notifier.NotifyAsync(message.ApplicantId, message.EventId, facts, References.CaseLink(message.ApplicationId), cancellationToken);
    }
}

/// <summary>
/// The case's owner hears that a deadline is one working day away; a case not yet accepted has no owner, so the staff of
/// its lead department hear of it (首问: whoever takes it up owns it). The deadline sweep raises these by the hundred, so
/// they come in batches (<see cref="BatchInboxConsumer{TContext, TMessage}"/>).
/// </summary>
public sealed class DueSoonConsumer(NotificationsDbContext db, TimeProvider time, ILogger<DueSoonConsumer> logger, Notifier notifier)
    : BatchInboxConsumer<NotificationsDbContext, ApplicationDueSoon>(db, time, logger)
{
    protected override async Task HandleAsync(IReadOnlyList<ApplicationDueSoon> messages, CancellationToken cancellationToken)
    {
        var notices = new DeadlineNotices(notifier);
        foreach (var m in messages)
        {
            await notices.SendAsync(NotificationKinds.DueSoon, m.EventId, m.ApplicationId, m.Reference, m.ItemCode, m.LeadDepartment, m.OwnerId, m.Deadline, m.DueOn,
                cancellationToken);
        }
    }
}

/// <summary>The case's owner (or, before acceptance, its lead department's staff) hears that a deadline passed; in batches, as due soon.</summary>
public sealed class OverdueConsumer(NotificationsDbContext db, TimeProvider time, ILogger<OverdueConsumer> logger, Notifier notifier)
    : BatchInboxConsumer<NotificationsDbContext, ApplicationOverdue>(db, time, logger)
{
    protected override async Task HandleAsync(IReadOnlyList<ApplicationOverdue> messages, CancellationToken cancellationToken)
    {
        var notices = new DeadlineNotices(notifier);
        foreach (var m in messages)
        {
            await notices.SendAsync(NotificationKinds.Overdue, m.EventId, m.ApplicationId, m.Reference, m.ItemCode, m.LeadDepartment, m.OwnerId, m.Deadline, m.DueOn,
                cancellationToken);
        }
    }
}

/// <summary>
/// Deadline alerts of one batch to whoever must act: the owner, else every staff member of the lead department. An item's
/// names and a department's staff are read once a batch.
/// </summary>
internal sealed class DeadlineNotices(Notifier notifier)
{
    private readonly Dictionary<string, (string? Zh, string? En)> _titles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _staff = new(StringComparer.Ordinal);

    public async Task SendAsync(string kind, Guid eventId, Guid applicationId, string reference, string itemCode,
        string leadDepartment, string? ownerId, string deadline, DateOnly dueOn, CancellationToken cancellationToken)
    {
        if (!_titles.TryGetValue(itemCode, out var title))
        {
            _titles[itemCode] = title = await notifier.ItemTitleAsync(itemCode, cancellationToken);
        }

        List<string>? recipients = null;
        if (ownerId is not null)
        {
            recipients = [ownerId];
        }
        else if (!_staff.TryGetValue(leadDepartment, out recipients))
        {
            _staff[leadDepartment] = recipients = await notifier.StaffOfAsync(leadDepartment, cancellationToken);
        }

        var facts = new MessageFacts(kind, reference, itemCode, title.Zh, title.En, By: dueOn, Deadline: deadline, ToDepartment: ownerId is null);
        foreach (var recipient in recipients)
        {
            await notifier.NotifyAsync(recipient, eventId, facts, $"/console/cases/{applicationId}", cancellationToken);
        }
    }
}
