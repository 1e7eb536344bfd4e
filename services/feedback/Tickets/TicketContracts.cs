namespace Talent.Feedback.Tickets;

/// <summary>The requests and the answers of the ticket routes.</summary>
public static class TicketContracts
{
    public sealed record OpenRequest(TicketKind? Kind, string? Category, string? Title, string? Body, string? ItemCode, Guid? ApplicationId);

    public sealed record ReplyRequest(string? Reply);

    public sealed record ConfirmRequest(bool? Satisfied, string? Note);

    public sealed record ReopenRequest(string? Reason);

    public sealed record CategoryView(string Code, string NameZh, string NameEn, string Department);

    public sealed record TicketView(
        Guid Id, string Number, TicketKind Kind, string Category, string Title, string Body, string? ItemCode, Guid? ApplicationId, string Department, string RoutedBy,
        string? OwnerId, string? OwnerName, TicketState State, DateTimeOffset OpenedAt, DateOnly ReplyDueOn, bool Overdue, string? Reply, DateTimeOffset? RepliedAt,
        DateOnly? ConfirmBy, int Reopened, string? Resolution, bool? Satisfied, DateTimeOffset? ClosedAt, IReadOnlyList<TicketStep> History);

    public static TicketView View(FeedbackTicket t, DateOnly today) => new(
        t.Id, t.Number, t.Kind, t.Category, t.Title, t.Body, t.ItemCode, t.ApplicationId, t.Department, t.RoutedBy, t.OwnerId, t.OwnerName, t.State, t.OpenedAt, t.ReplyDueOn,
        t.IsOverdue(today), t.Reply, t.RepliedAt, t.ConfirmBy, t.Reopened, t.Resolution, t.Satisfied, t.ClosedAt, t.History);
}
