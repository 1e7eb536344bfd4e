namespace Talent.Feedback.Rectifications;

/// <summary>One step of a case's history.</summary>
public sealed record RectificationStep(DateTimeOffset At, string ActorId, string ActorName, string Action, RectificationState From, RectificationState To, string? Note);
