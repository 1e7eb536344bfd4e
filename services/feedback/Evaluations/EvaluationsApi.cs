using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Talent.Feedback.Analysis;
using Talent.Feedback.Data;
using Talent.Feedback.Figures;
using Talent.Feedback.Invitations;
using Talent.Http;

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
        var evaluations = routes.MapGroup("/api/feedback/evaluations").WithTags("Evaluations").RequireAuthorization(FeedbackPolicies.Applicant);
        evaluations.MapPost("/", EvaluateAsync).WithName("Evaluate")
            .WithSummary("Rates a decided application (applicationId) or a closed engagement (engagementId), 一事一评; dissatisfied or worse opens a rectification case.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        evaluations.MapPost("/{id:guid}/follow-up", FollowUpAsync).WithName("FollowUpEvaluation").WithSummary("The one follow-up addition (追评).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        evaluations.MapGet("/mine", MineAsync).WithName("MyEvaluations").WithSummary("The caller's evaluations, newest first (at most 100).");
        return routes;
    }

    private static async Task<Results<Created<Evaluation>, ValidationProblem, NotFound, ProblemHttpResult>> EvaluateAsync(
        EvaluateRequest request, [AsParameters] RequestContext context, ReferenceCache cache)
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

        var (db, ct) = (context.Db, context.Cancellation);
        var subjectId = request.ApplicationId ?? request.EngagementId!.Value;
        var kind = request.ApplicationId is null ? EvaluationInvitation.Engagement : EvaluationInvitation.Application;
        var found = await FindInvitationAsync(db, subjectId, kind, context.Subject, ct);
        if (found is null)
        {
            return TypedResults.NotFound();
        }

        var invitation = found.Invitation;
        if (found.Rated)
        {
            return Conflict("This service is rated already; add a follow-up instead. 该服务已评价，可追加评价。");
        }

        var now = context.Time.GetUtcNow();
        var evaluation = Evaluation.Of(invitation, request.Level!.Value, request.Scores, request.Tags, request.Comment, request.Channel, now);
        if (evaluation is null)
        {
            return Conflict($"The evaluation period ended on {invitation.OpenUntil:yyyy-MM-dd}. 评价期已于 {invitation.OpenUntil:yyyy-MM-dd} 结束。");
        }

        await EvaluationRecorder.RecordAsync(db, evaluation, context.Settings, now, cache, ct);
        try
        {
            await db.SaveWithFiguresAsync([FigureDelta.Of(evaluation)], ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two submissions at once: the key keeps one. (Other refusals are the database handler's: a NUL is a 400.)
            return Conflict("This service is rated already. 该服务已评价。");
        }

        return TypedResults.Created($"/api/feedback/evaluations/{evaluation.Id}", evaluation);
    }

    private static async Task<Results<Ok<Evaluation>, ValidationProblem, NotFound, ProblemHttpResult>> FollowUpAsync(Guid id, FollowUpRequest request, [AsParameters] RequestContext context)
    {
        if (string.IsNullOrWhiteSpace(request.Comment) || request.Comment.Length > Evaluation.CommentMaxLength)
        {
            return Problems.Invalid("comment", $"1 to {Evaluation.CommentMaxLength} characters. 追评内容须为 1 至 {Evaluation.CommentMaxLength} 字。");
        }

        var (db, ct) = (context.Db, context.Cancellation);
        var subject = context.Subject;
        var evaluation = await db.Evaluations.SingleOrDefaultAsync(e => e.Id == id && e.ApplicantId == subject, ct);
        if (evaluation is null)
        {
            return TypedResults.NotFound();
        }

        var now = context.Time.GetUtcNow();
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

    private static async Task<Ok<List<Evaluation>>> MineAsync([AsParameters] RequestContext context)
    {
        var subject = context.Subject;
        return TypedResults.Ok(await context.Db.Evaluations.AsNoTracking().Where(e => e.ApplicantId == subject).OrderByDescending(e => e.SubmittedAt).Take(100).ToListAsync(context.Cancellation));
    }

    private static ProblemHttpResult Conflict(string title) => Problems.Of(StatusCodes.Status409Conflict, title);
}
