using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Talent.Contracts.Feedback;
using Talent.Feedback.Analysis;
using Talent.Feedback.Data;
using Talent.Feedback.Figures;
using Talent.Feedback.Invitations;
using Talent.Feedback.Rectifications;
using Talent.Messaging.Outbox;

namespace Talent.Feedback.Evaluations;

/// <summary>
/// Rating a decided service or a closed engagement: the person served only (another's is 404), within the invitation's
/// period, once, with one follow-up. A bad review opens its rectification case in the same transaction.
/// </summary>
public static class EvaluationsApi
{
    public sealed record EvaluateRequest(Guid? ApplicationId, Guid? EngagementId, EvaluationLevel? Level, Dictionary<string, int>? Scores, List<string>? Tags, string? Comment, string? Channel);

    public sealed record FollowUpRequest(string? Comment);

    private sealed record Found(EvaluationInvitation Invitation, bool Rated);

    /// <summary>The person's invitation for the subject and whether it is rated already: one round trip, compiled once (the hot path of rating).</summary>
    private static readonly Func<FeedbackDbContext, Guid, string, string, CancellationToken, Task<Found?>> FindInvitationAsync =
        EF.CompileAsyncQuery((FeedbackDbContext db, Guid subjectId, string kind, string subject, CancellationToken ct) => db.Invitations.AsNoTracking()
            .Where(i => i.SubjectId == subjectId && i.SubjectKind == kind && i.ApplicantId == subject)
            .Select(i => new Found(i, db.Evaluations.Any(e => e.SubjectId == i.SubjectId)))
            .SingleOrDefault());

    public static IEndpointRouteBuilder MapEvaluationsApi(this IEndpointRouteBuilder routes)
    {
        var evaluations = routes.MapGroup("/api/feedback/evaluations").WithTags("Evaluations").RequireAuthorization(InvitationsApi.ApplicantPolicy);
        evaluations.MapPost("/", EvaluateAsync).WithName("Evaluate")
            .WithSummary("Rates a decided application (applicationId) or a closed engagement (engagementId), 一事一评; dissatisfied or worse opens a rectification case.");
        evaluations.MapPost("/{id:guid}/follow-up", FollowUpAsync).WithName("FollowUpEvaluation").WithSummary("The one follow-up addition (追评).");
        evaluations.MapGet("/mine", MineAsync).WithName("MyEvaluations");
        return routes;
    }

    private static async Task<IResult> EvaluateAsync(EvaluateRequest request, ClaimsPrincipal user, FeedbackDbContext db, TimeProvider time, IOptions<FeedbackOptions> options, ReferenceCache cache, CancellationToken ct)
    {
        var errors = Evaluation.Validate(request.Level, request.Scores, request.Tags, request.Comment, request.Channel);
        if ((request.ApplicationId is null) == (request.EngagementId is null))
        {
            errors["applicationId"] = ["Either the decided application or the closed engagement to rate. 请选择要评价的办件或服务对接（二选一）。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var subject = user.FindFirstValue("sub") ?? "";
        var subjectId = request.ApplicationId ?? request.EngagementId!.Value;
        var kind = request.ApplicationId is null ? EvaluationInvitation.Engagement : EvaluationInvitation.Application;
        var found = await FindInvitationAsync(db, subjectId, kind, subject, ct);
        if (found is null)
        {
            return TypedResults.NotFound();
        }

        var invitation = found.Invitation;
        if (found.Rated)
        {
            return Conflict("This service is rated already; add a follow-up instead. 该服务已评价，可追加评价。");
        }

        var now = time.GetUtcNow();
        var evaluation = Evaluation.Of(invitation, request.Level!.Value, request.Scores, request.Tags, request.Comment, request.Channel, now);
        if (evaluation is null)
        {
            return Conflict($"The evaluation period ended on {invitation.OpenUntil:yyyy-MM-dd}. 评价期已于 {invitation.OpenUntil:yyyy-MM-dd} 结束。");
        }

        await RecordAsync(db, evaluation, options.Value, now, cache, ct);
        try
        {
            await db.SaveWithFiguresAsync([FigureDelta.Of(evaluation)], ct);
        }
        catch (DbUpdateException)
        {
            // Two submissions at once: the key keeps one.
            return Conflict("This service is rated already. 该服务已评价。");
        }

        return TypedResults.Created($"/api/feedback/evaluations/{evaluation.Id}", evaluation);
    }

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
            db.RecordEvent(new NegativeEvaluationRaised(Guid.CreateVersion7(now), now, evaluation.Id, evaluation.SubjectId, evaluation.ItemCode, evaluation.LeadDepartment, evaluation.OwnerId, level, evaluation.Comment));
            if (evaluation.SubjectKind == EvaluationInvitation.Application)
            {
                var calendar = cache is null ? await ReadModels.CalendarCopy.CalendarAsync(db, ct) : await cache.CalendarAsync(db, ct);
                db.Rectifications.Add(RectificationCase.Open(evaluation, calendar, options.VerifyDays, now));
            }
        }
    }

    private static async Task<IResult> FollowUpAsync(Guid id, FollowUpRequest request, ClaimsPrincipal user, FeedbackDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Comment) || request.Comment.Length > Evaluation.CommentMaxLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["comment"] = [$"1 to {Evaluation.CommentMaxLength} characters. 追评内容须为 1 至 {Evaluation.CommentMaxLength} 字。"] });
        }

        var subject = user.FindFirstValue("sub") ?? "";
        var evaluation = await db.Evaluations.SingleOrDefaultAsync(e => e.Id == id && e.ApplicantId == subject, ct);
        if (evaluation is null)
        {
            return TypedResults.NotFound();
        }

        var now = time.GetUtcNow();
        if (!evaluation.Add(request.Comment, now))
        {
            return Conflict("One follow-up per evaluation. 每条评价只能追评一次。");
        }

        var item = await db.CatalogueItems.AsNoTracking().Where(i => i.Code == evaluation.ItemCode).Select(i => new { i.Category, i.Stages }).SingleOrDefaultAsync(ct);
        if (FeedbackText.Of(FeedbackText.FollowUp, evaluation.Id, now, evaluation.LeadDepartment, evaluation.ItemCode, item?.Category ?? evaluation.SubjectKind, item?.Stages, evaluation.Addition) is { } text)
        {
            db.Texts.Add(text);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(evaluation);
    }

    private static async Task<IResult> MineAsync(ClaimsPrincipal user, FeedbackDbContext db, CancellationToken ct)
    {
        var subject = user.FindFirstValue("sub") ?? "";
        return TypedResults.Ok(await db.Evaluations.AsNoTracking().Where(e => e.ApplicantId == subject).OrderByDescending(e => e.SubmittedAt).Take(100).ToListAsync(ct));
    }

    private static IResult Conflict(string title) => TypedResults.Problem(title: title, statusCode: StatusCodes.Status409Conflict);
}
