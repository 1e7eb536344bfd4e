using Microsoft.Extensions.Options;
using Talent.Contracts.Feedback;
using Talent.Contracts.Matching;
using Talent.Messaging.Inbox;
using Talent.Notifications.Data;

namespace Talent.Notifications.Messages;

/// <summary>The owner of a bad review's rectification case hears that a stage passed its deadline (a case without an owner: nobody to tell here).</summary>
public sealed class RectificationOverdueConsumer(NotificationsDbContext db, TimeProvider time, ILogger<RectificationOverdueConsumer> logger, Notifier notifier)
    : InboxConsumer<NotificationsDbContext, RectificationOverdue>(db, time, logger)
{
    protected override bool Concerns(RectificationOverdue message) => message.OwnerId is not null;

    protected override Task HandleAsync(RectificationOverdue message, CancellationToken cancellationToken)
    {
        var facts = new MessageFacts(NotificationKinds.RectificationOverdue, References.Short(message.CaseId), "", null, null, By: message.DueOn, Stage: message.Stage);
        return notifier.NotifyAsync(message.OwnerId, message.EventId, facts, $"/console/rectifications/{message.CaseId}", cancellationToken);
    }
}

/// <summary>
/// A bad review of an application opened a rectification case: its owner hears it (the case's owner, else every active
/// staff member of the department that served), and by when to verify it. An engagement's review opens no case here.
/// </summary>
public sealed class RectificationOpenedConsumer(NotificationsDbContext db, TimeProvider time, ILogger<RectificationOpenedConsumer> logger, Notifier notifier)
    : InboxConsumer<NotificationsDbContext, NegativeEvaluationRaised>(db, time, logger)
{
    protected override bool Concerns(NegativeEvaluationRaised message) => message.CaseId is not null;

    protected override async Task HandleAsync(NegativeEvaluationRaised message, CancellationToken cancellationToken)
    {
        var (zh, en) = await notifier.ItemTitleAsync(message.ItemCode, cancellationToken);
        var facts = new MessageFacts(NotificationKinds.RectificationOpened, References.Short(message.CaseId!.Value), message.ItemCode, zh, en,
            By: message.VerifyBy, Note: message.Level, ToDepartment: message.OwnerId is null);
        await notifier.NotifyOwnerOrDepartmentAsync(message.OwnerId, message.LeadDepartment, message.EventId, facts, $"/console/rectifications/{message.CaseId}", cancellationToken);
    }
}

/// <summary>A ticket routed to a department: the owner of the case it is about hears it, else the department's active staff, with the reply date.</summary>
public sealed class TicketOpenedConsumer(NotificationsDbContext db, TimeProvider time, ILogger<TicketOpenedConsumer> logger, Notifier notifier)
    : InboxConsumer<NotificationsDbContext, FeedbackTicketOpened>(db, time, logger)
{
    protected override async Task HandleAsync(FeedbackTicketOpened message, CancellationToken cancellationToken)
    {
        var (zh, en) = message.ItemCode is null ? (null, null) : await notifier.ItemTitleAsync(message.ItemCode, cancellationToken);
        var facts = new MessageFacts(NotificationKinds.TicketOpened, message.Number, message.ItemCode ?? "", zh, en,
            By: message.ReplyDueOn, Stage: message.Kind, ToDepartment: message.OwnerId is null);
        await notifier.NotifyOwnerOrDepartmentAsync(message.OwnerId, message.Department, message.EventId, facts, $"/console/tickets/{message.TicketId}", cancellationToken);
    }
}

/// <summary>The receiving department's staff hear of a ticket passed on to them, from which department, why, and by when to reply.</summary>
public sealed class TicketTransferredConsumer(NotificationsDbContext db, TimeProvider time, ILogger<TicketTransferredConsumer> logger, Notifier notifier)
    : InboxConsumer<NotificationsDbContext, FeedbackTicketTransferred>(db, time, logger)
{
    protected override Task HandleAsync(FeedbackTicketTransferred message, CancellationToken cancellationToken)
    {
        var facts = new MessageFacts(NotificationKinds.TicketTransferred, message.Number, "", null, null, By: message.ReplyDueOn, Note: message.Reason,
            Stage: message.FromDepartment, ToDepartment: true);
        return notifier.NotifyOwnerOrDepartmentAsync(null, message.ToDepartment, message.EventId, facts, $"/console/tickets/{message.TicketId}", cancellationToken);
    }
}

/// <summary>The person served hears that a provider accepted their demand, and by when first contact is due.</summary>
public sealed class EngagementStartedConsumer(NotificationsDbContext db, TimeProvider time, ILogger<EngagementStartedConsumer> logger, Notifier notifier)
    : InboxConsumer<NotificationsDbContext, EngagementStarted>(db, time, logger)
{
    protected override Task HandleAsync(EngagementStarted message, CancellationToken cancellationToken)
    {
        var facts = new MessageFacts(NotificationKinds.EngagementStarted, References.Short(message.DemandId), "", null, null,
            By: message.FirstContactDueOn, Team: message.Team);
        return notifier.NotifyAsync(message.ClientId, message.EventId, facts, $"/matching/demands/{message.DemandId}", cancellationToken);
    }
}

/// <summary>The person served hears each milestone the provider records (an event from before the person was named: nobody to tell).</summary>
public sealed class MilestoneConsumer(NotificationsDbContext db, TimeProvider time, ILogger<MilestoneConsumer> logger, Notifier notifier)
    : InboxConsumer<NotificationsDbContext, EngagementMilestoneReached>(db, time, logger)
{
    protected override bool Concerns(EngagementMilestoneReached message) => message.ClientId is not null;

    protected override Task HandleAsync(EngagementMilestoneReached message, CancellationToken cancellationToken)
    {
        var facts = new MessageFacts(NotificationKinds.Milestone, References.Short(message.DemandId ?? message.EngagementId), "", null, null,
            Note: message.Outcome, Stage: message.Milestone, Team: message.Team, Next: message.Next);
        var link = message.DemandId is { } demand ? $"/matching/demands/{demand}" : "/matching";
        return notifier.NotifyAsync(message.ClientId, message.EventId, facts, link, cancellationToken);
    }
}

/// <summary>The person served hears that the engagement closed, and by when to rate it (the feedback service invites the rating).</summary>
public sealed class EngagementClosedConsumer(NotificationsDbContext db, TimeProvider time, ILogger<EngagementClosedConsumer> logger, Notifier notifier, IOptions<NotificationsOptions> options)
    : InboxConsumer<NotificationsDbContext, EngagementClosed>(db, time, logger)
{
    protected override Task HandleAsync(EngagementClosed message, CancellationToken cancellationToken)
    {
        var facts = new MessageFacts(NotificationKinds.EngagementClosed, References.Short(message.DemandId), "", null, null,
            By: options.Value.RateBy(message.OccurredAt), Note: message.Outcome, Team: message.Team);
        return notifier.NotifyAsync(message.ClientId, message.EventId, facts, $"/feedback/rate/engagement/{message.EngagementId}", cancellationToken);
    }
}

/// <summary>A talent or an enterprise hears of a suggestion made for them, in the rule's words.</summary>
public sealed class SuggestionConsumer(NotificationsDbContext db, TimeProvider time, ILogger<SuggestionConsumer> logger, Notifier notifier)
    : InboxConsumer<NotificationsDbContext, SuggestionMade>(db, time, logger)
{
    protected override async Task HandleAsync(SuggestionMade message, CancellationToken cancellationToken)
    {
        var (zh, en) = message.ItemCode is null ? (null, null) : await notifier.ItemTitleAsync(message.ItemCode, cancellationToken);
        var facts = new MessageFacts(NotificationKinds.Suggested, References.Short(message.SuggestionId), message.ItemCode ?? "", zh, en,
            Note: message.MessageZh, NoteEn: message.MessageEn);
        await notifier.NotifyAsync(message.PersonId, message.EventId, facts, "/matching", cancellationToken);
    }
}

/// <summary>A provider with an account hears of a demand proposed to them (a provider without one: nobody to tell).</summary>
public sealed class MatchProposedConsumer(NotificationsDbContext db, TimeProvider time, ILogger<MatchProposedConsumer> logger, Notifier notifier)
    : InboxConsumer<NotificationsDbContext, MatchProposed>(db, time, logger)
{
    protected override bool Concerns(MatchProposed message) => message.ProviderUserId is not null;

    protected override Task HandleAsync(MatchProposed message, CancellationToken cancellationToken)
    {
        var facts = new MessageFacts(NotificationKinds.Proposed, References.Short(message.DemandId), "", null, null,
            Note: message.Score.ToString(System.Globalization.CultureInfo.InvariantCulture), Team: message.Team);
        return notifier.NotifyAsync(message.ProviderUserId, message.EventId, facts, "/matching/proposals", cancellationToken);
    }
}

/// <summary>
/// The person who raised a ticket online hears of the department's reply, and by when to confirm or reopen it. A walk-in
/// person (at a window, on the telephone) has no account here: staff telephone them, so nobody's inbox gets a notification.
/// </summary>
public sealed class TicketRepliedConsumer(NotificationsDbContext db, TimeProvider time, ILogger<TicketRepliedConsumer> logger, Notifier notifier)
    : InboxConsumer<NotificationsDbContext, FeedbackTicketReplied>(db, time, logger)
{
    protected override Task HandleAsync(FeedbackTicketReplied message, CancellationToken cancellationToken)
    {
        if (message.Channel != "online")
        {
            return Task.CompletedTask;
        }

        var facts = new MessageFacts(NotificationKinds.TicketReplied, message.Number, "", null, null, By: message.ConfirmBy);
        return notifier.NotifyAsync(message.RequesterId, message.EventId, facts, $"/feedback/tickets/{message.TicketId}", cancellationToken);
    }
}
