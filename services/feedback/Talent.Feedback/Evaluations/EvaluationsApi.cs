using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talent.Contracts.Feedback;
using Talent.Feedback.Data;
using Talent.Feedback.Invitations;
using Talent.Messaging.Outbox;

namespace Talent.Feedback.Evaluations;

/// <summary>Rating a decided service: the applicant only (another's is 404), within the invitation's period, once, with one addition.</summary>
public static class EvaluationsApi
{
    public sealed record EvaluateRequest(Guid? ApplicationId, EvaluationLevel? Level, Dictionary<string, int>? Scores, List<string>? Tags, string? Comment, string? Channel);

    public sealed record AdditionRequest(string? Comment);

    public static IEndpointRouteBuilder MapEvaluationsApi(this IEndpointRouteBuilder routes)
    {
        var evaluations = routes.MapGroup("/api/feedback/evaluations").WithTags("Evaluations").RequireAuthorization(InvitationsApi.ApplicantPolicy);
        evaluations.MapPost("/", EvaluateAsync).WithName("Evaluate").WithSummary("Rates a decided service (一事一评); dissatisfied or worse raises NegativeEvaluationRaised.");
        evaluations.MapPost("/{id:guid}/addition", AddAsync).WithName("AddToEvaluation").WithSummary("The one follow-up addition (追评).");
        evaluations.MapGet("/mine", MineAsync).WithName("MyEvaluations");
        return routes;
    }

    private static async Task<IResult> EvaluateAsync(EvaluateRequest request, ClaimsPrincipal user, FeedbackDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = Evaluation.Validate(request.Level, request.Scores, request.Tags, request.Comment, request.Channel);
        if (request.ApplicationId is null)
        {
            errors["applicationId"] = ["The decided application to rate. 请选择要评价的办件。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var subject = user.FindFirstValue("sub") ?? "";
        var invitation = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.ApplicationId == request.ApplicationId && i.ApplicantId == subject, ct);
        if (invitation is null)
        {
            return TypedResults.NotFound();
        }

        if (await db.Evaluations.AnyAsync(e => e.ApplicationId == invitation.ApplicationId, ct))
        {
            return Conflict("This service is rated already; add to your evaluation instead. 该办件已评价，可追加评价。");
        }

        var now = time.GetUtcNow();
        var evaluation = Evaluation.Of(invitation, request.Level!.Value, request.Scores, request.Tags, request.Comment, request.Channel, now);
        if (evaluation is null)
        {
            return Conflict($"The evaluation period ended on {invitation.OpenUntil:yyyy-MM-dd}. 评价期已于 {invitation.OpenUntil:yyyy-MM-dd} 结束。");
        }

        db.Evaluations.Add(evaluation);
        var level = JsonNamingPolicy.CamelCase.ConvertName(evaluation.Level.ToString());
        db.RecordEvent(new EvaluationSubmitted(Guid.CreateVersion7(now), now, evaluation.Id, "application", evaluation.ApplicationId, evaluation.ItemCode, evaluation.LeadDepartment, evaluation.OwnerId, level, (int)evaluation.Level, evaluation.Channel));
        if (evaluation.IsNegative)
        {
            db.RecordEvent(new NegativeEvaluationRaised(Guid.CreateVersion7(now), now, evaluation.Id, evaluation.ApplicationId, evaluation.ItemCode, evaluation.LeadDepartment, evaluation.OwnerId, level, evaluation.Comment));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two submissions at once: the key keeps one.
            return Conflict("This service is rated already. 该办件已评价。");
        }

        return TypedResults.Created($"/api/feedback/evaluations/{evaluation.Id}", evaluation);
    }

    private static async Task<IResult> AddAsync(Guid id, AdditionRequest request, ClaimsPrincipal user, FeedbackDbContext db, TimeProvider time, CancellationToken ct)
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

        if (!evaluation.Add(request.Comment, time.GetUtcNow()))
        {
            return Conflict("One addition per evaluation. 每条评价只能追评一次。");
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
