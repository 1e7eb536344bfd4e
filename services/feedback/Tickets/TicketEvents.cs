using System.Text.Json;
using Talent.Contracts.Feedback;

namespace Talent.Feedback.Tickets;

/// <summary>The events a ticket raises: opened, passed on to another department, replied (the person is asked to confirm), and resolved (confirmed by the person or by time).</summary>
public static class TicketEvents
{
    public static FeedbackTicketOpened Opened(FeedbackTicket ticket, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), now, ticket.Id, ticket.Number, JsonNamingPolicy.CamelCase.ConvertName(ticket.Kind.ToString()), ticket.Category, ticket.Department, ticket.ItemCode, ticket.ApplicationId, ticket.ReplyDueOn, ticket.OwnerId, ticket.Channel);

    public static FeedbackTicketTransferred Transferred(FeedbackTicket ticket, string from, string reason, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), now, ticket.Id, ticket.Number, from, ticket.Department, reason, ticket.ReplyDueOn);

    public static FeedbackTicketReplied Replied(FeedbackTicket ticket, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), now, ticket.Id, ticket.Number, ticket.RequesterId, ticket.Department, ticket.ConfirmBy, ticket.Channel);

    public static FeedbackTicketResolved Resolved(FeedbackTicket ticket, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), now, ticket.Id, ticket.Number, ticket.Department, ticket.OwnerId, ticket.Resolution!, ticket.Reopened, !ticket.RepliedLate);
}
