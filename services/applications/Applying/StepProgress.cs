namespace Talent.Applications.Applying;

/// <summary>A flow-card step of one case: its department, its limit, and when it started and was completed.</summary>
public sealed record StepProgress(int Order, string NameZh, string? NameEn, string Department, int LimitDays, bool CountsTowardLimit, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, string? CompletedBy);
