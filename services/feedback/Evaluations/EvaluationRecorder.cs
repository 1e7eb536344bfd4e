using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talent.Contracts.Feedback;
using Talent.Feedback.Analysis;
using Talent.Feedback.Data;
using Talent.Feedback.Invitations;
using Talent.Feedback.Rectifications;
using Talent.Messaging.Outbox;

namespace Talent.Feedback.Evaluations;

/// <summary>What rating a service writes besides the evaluation: its events, its text for analysis, a bad review's case.</summary>
public static class EvaluationRecorder
{
    /// <summary>
    /// Adds the evaluation with its events, its text for demand analysis and, for a bad review of a decided application,
    /// its rectification case (deadlines in this service's copy of the working-day calendar). Saved by the caller. Without a
    /// cache, item facts and the calendar are read from the database.
    /// </summary>
    public static async Task RecordAsync(FeedbackDbContext db, Evaluation evaluation, FeedbackOptions options, DateTimeOffset now, ReferenceCache? cache, CancellationToken ct)
    {
        db.Evaluations.Add(evaluation);
        var level = JsonNamingPolicy.CamelCase.ConvertName(evaluation.Level.ToString());
        db.RecordEvent(new EvaluationSubmitted(Guid.CreateVersion7(now), now, evaluation.Id, evaluation.SubjectKind, evaluation.SubjectId, evaluation.ItemCode, evaluation.LeadDepartment, evaluation.OwnerId, level, (int)evaluation.Level, evaluation.Channel));
        if (FeedbackText.Of(FeedbackText.Review, evaluation.Id, now, evaluation.LeadDepartment, evaluation.ItemCode, evaluation.SubjectKind, null, evaluation.Comment, string.Join(' ', evaluation.Tags)) is { } text)
        {
            // Where it points, for analysis by stage and category: only looked up when there is something to analyse.
            if (evaluation.SubjectKind == EvaluationInvitation.Application)
            {
                var item = cache is null
                    ? await db.CatalogueItems.AsNoTracking().Where(i => i.Code == evaluation.ItemCode).Select(i => new { i.Category, i.Stages }).SingleOrDefaultAsync(ct) is { } found ? (found.Category, (IReadOnlyList<string>)found.Stages) : null
                    : await cache.ItemAsync(db, evaluation.ItemCode, ct);
                if (item is { } known)
                {
                    text.PointTo(known.Category, known.Stages);
                }
            }

            db.Texts.Add(text);
        }

        if (evaluation.IsNegative)
        {
            RectificationCase? opened = null;
            if (evaluation.SubjectKind == EvaluationInvitation.Application)
            {
                var calendar = cache is null ? await ReadModels.CalendarCopy.CalendarAsync(db, ct) : await cache.CalendarAsync(db, ct);
                opened = RectificationCase.Open(evaluation, calendar, options.VerifyDays, now);
                db.Rectifications.Add(opened);
            }

            db.RecordEvent(new NegativeEvaluationRaised(Guid.CreateVersion7(now), now, evaluation.Id, evaluation.SubjectId, evaluation.ItemCode, evaluation.LeadDepartment, evaluation.OwnerId, level, evaluation.Comment,
                opened?.Id, opened?.StageDueOn));
        }
    }
}
