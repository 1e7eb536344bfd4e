using Microsoft.EntityFrameworkCore;
using Talent.Contracts.Feedback;
using Talent.Feedback.Data;
using Talent.Feedback.Figures;
using Talent.Messaging.Outbox;

namespace Talent.Feedback.Rectifications;

public static class CaseClosing
{
    /// <summary>
    /// What closing a case changes besides the case: a review removed on appeal leaves the figures (it is kept, marked),
    /// <c>RectificationCompleted</c> is raised; returns the figure deltas to save with it.
    /// </summary>
    public static async Task<List<FigureDelta?>> ClosingAsync(FeedbackDbContext db, RectificationCase closed, DateTimeOffset now, CancellationToken ct)
    {
        var deltas = new List<FigureDelta?>();
        if (closed.Outcome == "removedOnAppeal" && await db.Evaluations.SingleOrDefaultAsync(e => e.Id == closed.EvaluationId, ct) is { Removed: false } evaluation)
        {
            evaluation.RemoveFromFigures();
            deltas.Add(FigureDelta.Of(evaluation, -1));
        }

        deltas.Add(FigureDelta.Of(closed));
        db.RecordEvent(new RectificationCompleted(Guid.CreateVersion7(now), now, closed.Id, closed.EvaluationId, closed.SubjectId, closed.ItemCode, closed.Department, closed.OwnerId, closed.Outcome!, closed.OnTime, closed.SatisfiedAfterVisit));
        return deltas;
    }
}
