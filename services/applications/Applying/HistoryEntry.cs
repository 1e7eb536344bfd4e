namespace Talent.Applications.Applying;

/// <summary>One transition of a case: who, when, from which state to which, and the note.</summary>
public sealed record HistoryEntry(DateTimeOffset At, string Actor, string ActorName, string Action, ApplicationState From, ApplicationState To, string? Note);
