namespace Talent.Feedback.Tickets;

/// <summary>What a ticket is: 咨询, 投诉, 建议 or 诉求.</summary>
public enum TicketKind
{
    Question,
    Complaint,
    Suggestion,
    Demand,
}
