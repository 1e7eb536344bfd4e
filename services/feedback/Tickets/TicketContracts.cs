namespace Talent.Feedback.Tickets;

/// <summary>The requests and the answers of the ticket routes.</summary>
public static class TicketContracts
{
    public sealed record OpenRequest(TicketKind? Kind, string? Category, string? Title, string? Body, string? ItemCode, Guid? ApplicationId);

    public sealed record ReplyRequest(string? Reply);

    public sealed record ConfirmRequest(bool? Satisfied, string? Note);

    public sealed record ReopenRequest(string? Reason);

    /// <summary>A walk-in person's ticket, opened by staff: the ticket's fields, the channel ("window" or "phone"), the person's name and telephone.</summary>
    public sealed record WalkInRequest(TicketKind? Kind, string? Category, string? Title, string? Body, string? ItemCode, string? Channel, string? PersonName, string? PersonPhone);

    public sealed record TransferRequest(string? Department, string? Reason);

    /// <summary>What a walk-in person said about the reply, recorded by staff: satisfied (closes it), or not, with the reason (reopens it).</summary>
    public sealed record RecordRequest(bool? Satisfied, string? Note);

    public sealed record CategoryView(string Code, string NameZh, string NameEn, string Department);

    public sealed record TicketView(
        Guid Id, string Number, TicketKind Kind, string Category, string Title, string Body, string? ItemCode, Guid? ApplicationId, string Department, string RoutedBy,
        string? OwnerId, string? OwnerName, TicketState State, DateTimeOffset OpenedAt, DateOnly ReplyDueOn, bool Overdue, string? Reply, DateTimeOffset? RepliedAt,
        DateOnly? ConfirmBy, int Reopened, string? Resolution, bool? Satisfied, DateTimeOffset? ClosedAt, IReadOnlyList<TicketStep> History,
        string Channel, string RequesterName, string? Contact, string? OpenedByName, DateOnly FirstDueOn, int Transfers, string ClockZh, string ClockEn);

    /// <summary>
    /// The ticket as its viewers see it. A walk-in's name and telephone are only on walk-in tickets, which only staff
    /// (the department's, the one who received the person) and operators see.
    /// </summary>
    public static TicketView View(FeedbackTicket t, DateOnly today)
    {
        var (clockZh, clockEn) = t.Clock;
        return new(
            t.Id, t.Number, t.Kind, t.Category, t.Title, t.Body, t.ItemCode, t.ApplicationId, t.Department, t.RoutedBy, t.OwnerId, t.OwnerName, t.State, t.OpenedAt, t.ReplyDueOn,
            t.IsOverdue(today), t.Reply, t.RepliedAt, t.ConfirmBy, t.Reopened, t.Resolution, t.Satisfied, t.ClosedAt, t.History,
            t.Channel, t.RequesterName, t.Contact, t.OpenedByName, t.FirstDueOn, t.Transfers, clockZh, clockEn);
    }
}
