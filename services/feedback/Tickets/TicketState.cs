namespace Talent.Feedback.Tickets;

/// <summary>Open (waiting for a reply), replied (waiting for the person), closed.</summary>
public enum TicketState
{
    Open,
    Replied,
    Closed,
}
