using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Applications.Applying;
using Talent.Applications.Data;
using Talent.Http;

namespace Talent.Applications.Enquiries;

/// <summary>Enquiries (咨询) under <c>/api/applications/enquiries</c>: applicants ask, the item's lead department answers.</summary>
public static class EnquiriesApi
{
    /// <summary>The most a list answers: unanswered first for staff, newest first for applicants.</summary>
    public const int ListLimit = 200;

    public sealed record AskRequest(string? ItemCode, Guid? ApplicationId, string? Question);

    public sealed record AnswerRequest(string? Answer);

    public static IEndpointRouteBuilder MapEnquiriesApi(this IEndpointRouteBuilder routes)
    {
        var enquiries = routes.MapGroup($"{ApplicationsApi.Prefix}/enquiries").WithTags("Enquiries").RequireAuthorization(ApplicationsApi.UserPolicy);
        enquiries.MapPost("/", AskAsync).WithName("AskEnquiry")
            .WithSummary("An applicant asks about an item, or one of their applications for it.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        enquiries.MapGet("/", ListAsync).WithName("ListEnquiries").WithSummary("Applicants: their own; staff: their department's, unanswered first.");
        enquiries.MapPost("/{id:guid}/answer", AnswerAsync).RequireAuthorization(ApplicationsApi.StaffPolicy).WithName("AnswerEnquiry")
            .WithSummary("Staff of the item's lead department answer; the first to answer owns the enquiry (and an unowned case).")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return routes;
    }

    private static async Task<Results<Created<Enquiry>, ValidationProblem, ProblemHttpResult>> AskAsync(AskRequest request, ClaimsPrincipal user, ApplicationsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var actor = Actors.ActorOf(user);
        if (!actor.IsApplicant)
        {
            return Problems.Forbidden("Applicants ask. 仅申请人可以咨询。");
        }

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Question) || CaseLimits.Check(request.Question, Enquiry.MaxLength) is not null)
        {
            errors["question"] = [$"A question of at most {Enquiry.MaxLength} characters. 请填写咨询内容（不超过 {Enquiry.MaxLength} 字）。"];
        }

        var item = string.IsNullOrWhiteSpace(request.ItemCode) || CaseLimits.HasNul(request.ItemCode) ? null : await db.CatalogueItems.AsNoTracking().SingleOrDefaultAsync(i => i.Code == request.ItemCode, ct);
        if (item?.LeadDepartment is null)
        {
            errors["itemCode"] = ["A published item's code. 请选择已发布的事项。"];
        }

        if (request.ApplicationId is { } applicationId && item is not null && !await db.Applications.AnyAsync(a => a.Id == applicationId && a.ApplicantId == actor.Subject && a.ItemCode == item.Code, ct))
        {
            errors["applicationId"] = ["One of your applications for this item. 须为您本人该事项的申请。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var enquiry = Enquiry.Ask(actor, item!.Code, request.ApplicationId, item.LeadDepartment!, request.Question!.Trim(), time.GetUtcNow());
        db.Enquiries.Add(enquiry);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"{ApplicationsApi.Prefix}/enquiries/{enquiry.Id}", enquiry);
    }

    private static async Task<Ok<List<Enquiry>>> ListAsync(ClaimsPrincipal user, ApplicationsDbContext db, CancellationToken ct)
    {
        var actor = Actors.ActorOf(user);
        var query = actor.IsStaff && actor.Department is { } department
            ? db.Enquiries.AsNoTracking().Where(e => e.Department == department).OrderBy(e => e.AnsweredAt != null).ThenBy(e => e.AskedAt)
            : db.Enquiries.AsNoTracking().Where(e => e.ApplicantId == actor.Subject).OrderByDescending(e => e.AskedAt);
        return TypedResults.Ok(await query.Take(ListLimit).ToListAsync(ct));
    }

    private static async Task<Results<Ok<Enquiry>, NotFound, ValidationProblem, ProblemHttpResult>> AnswerAsync(Guid id, AnswerRequest request, ClaimsPrincipal user, ApplicationsDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Answer) || CaseLimits.Check(request.Answer, Enquiry.MaxLength) is not null)
        {
            return Problems.Invalid("answer", $"An answer of at most {Enquiry.MaxLength} characters. 请填写答复（不超过 {Enquiry.MaxLength} 字）。");
        }

        var actor = Actors.ActorOf(user);
        var enquiry = await db.Enquiries.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (enquiry is null || !actor.IsStaffOf(enquiry.Department))
        {
            return TypedResults.NotFound();
        }

        var now = time.GetUtcNow();
        if (enquiry.Reply(actor, request.Answer.Trim(), now) is { } refusal)
        {
            return refusal.ToProblem();
        }

        if (enquiry.ApplicationId is { } applicationId && await db.Applications.SingleOrDefaultAsync(a => a.Id == applicationId, ct) is { } application)
        {
            application.AnsweredEnquiry(actor, now);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(enquiry);
    }
}
