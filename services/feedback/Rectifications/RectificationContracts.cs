using System.Text.Json;

namespace Talent.Feedback.Rectifications;

/// <summary>The requests and the answer of the rectification routes.</summary>
public static class RectificationContracts
{
    public sealed record FindingsRequest(string? Findings);

    public sealed record ChangesRequest(string? Changes);

    public sealed record ReturnVisitRequest(bool? Satisfied, string? Note);

    public sealed record AppealRequest(string? Reason);

    public sealed record AppealDecisionRequest(bool? Remove, string? Note);

    public sealed record CaseView(
        Guid Id, Guid EvaluationId, Guid ApplicationId, string ItemCode, string ItemTitle, string Department, string? OwnerId, string Level, string? Comment,
        RectificationState State, DateTimeOffset RaisedAt, DateOnly StageDueOn, bool Overdue, bool Late, string? Findings, string? Changes, bool? SatisfiedAfterVisit,
        string? ReturnVisitNote, AppealState Appeal, string? AppealReason, string? AppealDecisionNote, string? Outcome, DateTimeOffset? ClosedAt,
        IReadOnlyList<string> AllowedActions, IReadOnlyList<RectificationStep> History);

    public static CaseView View(RectificationCase c, DateOnly today) => new(
        c.Id, c.EvaluationId, c.SubjectId, c.ItemCode, c.ItemTitle, c.Department, c.OwnerId, JsonNamingPolicy.CamelCase.ConvertName(c.Level.ToString()), c.Comment,
        c.State, c.RaisedAt, c.StageDueOn, c.IsOverdue(today), c.Late, c.Findings, c.Changes, c.SatisfiedAfterVisit, c.ReturnVisitNote, c.Appeal, c.AppealReason,
        c.AppealDecisionNote, c.Outcome, c.ClosedAt, c.AllowedActions(), c.History);
}
