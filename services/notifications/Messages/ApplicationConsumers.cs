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
/// they come in batches (<see cref="BatchInboxConsumer{TContext, TMessage}"/>; the notifier reads an item's names and a
/// department's staff once a batch).
/// </summary>
public sealed class DueSoonConsumer(NotificationsDbContext db, TimeProvider time, ILogger<DueSoonConsumer> logger, Notifier notifier)
    : BatchInboxConsumer<NotificationsDbContext, ApplicationDueSoon>(db, time, logger)
{
    protected override async Task HandleAsync(IReadOnlyList<ApplicationDueSoon> messages, CancellationToken cancellationToken)
    {
        foreach (var m in messages)
        {
            await DeadlineNotice.SendAsync(notifier, NotificationKinds.DueSoon, m.EventId, m.ApplicationId, m.Reference, m.ItemCode, m.LeadDepartment, m.OwnerId,
                m.Deadline, m.DueOn, cancellationToken);
        }
    }
}

/// <summary>The case's owner (or, before acceptance, its lead department's staff) hears that a deadline passed; in batches, as due soon.</summary>
public sealed class OverdueConsumer(NotificationsDbContext db, TimeProvider time, ILogger<OverdueConsumer> logger, Notifier notifier)
    : BatchInboxConsumer<NotificationsDbContext, ApplicationOverdue>(db, time, logger)
{
    protected override async Task HandleAsync(IReadOnlyList<ApplicationOverdue> messages, CancellationToken cancellationToken)
    {
        foreach (var m in messages)
        {
            await DeadlineNotice.SendAsync(notifier, NotificationKinds.Overdue, m.EventId, m.ApplicationId, m.Reference, m.ItemCode, m.LeadDepartment, m.OwnerId,
                m.Deadline, m.DueOn, cancellationToken);
        }
    }
}

/// <summary>A deadline alert to whoever must act: the owner, else every staff member of the lead department.</summary>
internal static class DeadlineNotice
{
    public static async Task SendAsync(Notifier notifier, string kind, Guid eventId, Guid applicationId, string reference, string itemCode,
        string leadDepartment, string? ownerId, string deadline, DateOnly dueOn, CancellationToken cancellationToken)
    {
        var (zh, en) = await notifier.ItemTitleAsync(itemCode, cancellationToken);
        var facts = new MessageFacts(kind, reference, itemCode, zh, en, By: dueOn, Deadline: deadline, ToDepartment: ownerId is null);
        await notifier.NotifyOwnerOrDepartmentAsync(ownerId, leadDepartment, eventId, facts, $"/console/cases/{applicationId}", cancellationToken);
    }
}
