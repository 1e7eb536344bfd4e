namespace Talent.Feedback.Tickets;

/// <summary>One step of a ticket's history.</summary>
public sealed record TicketStep(DateTimeOffset At, string ActorId, string ActorName, string Action, TicketState From, TicketState To, string? Note);
