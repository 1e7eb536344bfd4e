extern alias feedback;
using feedback::Talent.Feedback;
using feedback::Talent.Feedback.Data;
using feedback::Talent.Feedback.Evaluations;
using feedback::Talent.Feedback.Figures;
using feedback::Talent.Feedback.Invitations;
using Microsoft.Extensions.DependencyInjection;
using Talent.Contracts.Applications;

namespace Talent.Services.Tests;

/// <summary>Reviews put straight into the feedback service's database, as its evaluation endpoint saves them.</summary>
internal static class FeedbackSeed
{
    /// <summary>
    /// One review of a decided application the department led: the invitation, the evaluation with its events (and, when
    /// negative, its rectification case) and its figures' delta in one transaction; folded into the counters at once
    /// when asked (otherwise the service's folder does it within a second).
    /// </summary>
    public static async Task ReviewAsync(IServiceProvider services, string department, string applicant, EvaluationLevel level, string? comment, bool fold, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        var invitation = EvaluationInvitation.For(
            new ApplicationDecided(Guid.NewGuid(), now, Guid.NewGuid(), "TA-TEST", applicant, "ITEM", 1, department, [department], null, true, "同意", true, 0), "事项", TimeSpan.FromDays(30));
        db.Invitations.Add(invitation);
        var evaluation = Evaluation.Of(invitation, level, null, null, comment, "web", now)!;
        await EvaluationRecorder.RecordAsync(db, evaluation, new FeedbackOptions(), now, null, ct);
        await db.SaveWithFiguresAsync([FigureDelta.Of(evaluation)], ct);
        if (fold)
        {
            await FigureCounters.FoldAsync(db, ct);
        }
    }
}
