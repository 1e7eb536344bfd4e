using Talent.Feedback.Evaluations;
using Talent.Feedback.Invitations;
using Talent.Feedback.Rectifications;

namespace Talent.Feedback.Figures;

/// <summary>
/// What one fact adds to the figures of its month, department and item. Saved as a row in the same transaction as the
/// fact itself (an insert, never an update, so concurrent writers never wait on a shared counter), then folded into the
/// counters.
/// </summary>
public sealed record FigureDelta(DateOnly Month, string Department, string ItemCode, int Reviews, int Satisfied, int Negative, int Score, int Closed, int OnTime)
{
    public long Id { get; private set; }

    /// <summary>An evaluation of a decided application counts (or, <paramref name="sign"/> −1, is taken out on appeal); engagements are rated for matching, not in these figures.</summary>
    public static FigureDelta? Of(Evaluation evaluation, int sign = 1) =>
        evaluation.SubjectKind != EvaluationInvitation.Application
            ? null
            : new(FigureCounters.MonthOf(evaluation.SubmittedAt), evaluation.LeadDepartment, evaluation.ItemCode,
                sign, evaluation.IsSatisfied ? sign : 0, evaluation.IsNegative ? sign : 0, sign * (int)evaluation.Level, 0, 0);

    /// <summary>A rectification closed after its return visit counts in the on-time rate (removed reviews do not).</summary>
    public static FigureDelta? Of(RectificationCase closed) =>
        closed.Outcome != "rectified" || closed.ClosedAt is not { } at
            ? null
            : new(FigureCounters.MonthOf(at), closed.Department, closed.ItemCode, 0, 0, 0, 0, 1, closed.OnTime ? 1 : 0);
}
