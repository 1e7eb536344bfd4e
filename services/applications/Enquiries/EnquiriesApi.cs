using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Applications.Applying;
using Talent.Applications.Data;
using Talent.Http;

namespace Talent.Applications.Enquiries;

/// <summary>
/// Enquiries (咨询) under <c>/api/applications/enquiries</c>, under first-ask responsibility (首问责任制): applicants ask
/// online (the item's lead department takes it up), or staff of any department record a question they were asked in
/// person or by telephone and own it; the owner answers or hands it over to a named colleague, who owns it from then.
/// </summary>
public static class EnquiriesApi
{
    /// <summary>The most a list answers: unanswered first for staff, newest first for applicants.</summary>
    public const int ListLimit = 200;

    public sealed record AskRequest(string? ItemCode, Guid? ApplicationId, string? Question);

    public sealed record AnswerRequest(string? Answer);

    /// <summary>A question a staff member was asked: by whom (an applicant's account), how ("window" or "phone"), about what.</summary>
    public sealed record ReceiveRequest(string? ApplicantId, string? Channel, string? ItemCode, Guid? ApplicationId, string? Question);

    public sealed record HandOverRequest(string? ToStaffId, string? Note);

    public static IEndpointRouteBuilder MapEnquiriesApi(this IEndpointRouteBuilder routes)
    {
        var enquiries = routes.MapGroup($"{ApplicationsApi.Prefix}/enquiries").WithTags("Enquiries").RequireAuthorization(ApplicationsApi.UserPolicy);
        enquiries.MapPost("/", AskAsync).WithName("AskEnquiry")
            .WithSummary("An applicant asks about an item, or one of their applications for it.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        enquiries.MapGet("/", ListAsync).WithName("ListEnquiries").WithSummary("Applicants: their own; staff: their department's, unanswered first.");
        enquiries.MapPost("/{id:guid}/answer", AnswerAsync).RequireAuthorization(ApplicationsApi.StaffPolicy).WithName("AnswerEnquiry")
            .WithSummary("Its owner answers (nobody owns it yet: the lead department's staff, the first of whom owns it, and an unowned case).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        enquiries.MapPost("/received", ReceiveAsync).RequireAuthorization(ApplicationsApi.StaffPolicy).WithName("ReceiveEnquiry")
            .WithSummary("Staff of any department record a question an applicant asked them in person or by telephone; they own it from now (first ask).")
            .ProducesValidationProblem();
        enquiries.MapPost("/{id:guid}/hand-over", HandOverAsync).RequireAuthorization(ApplicationsApi.StaffPolicy).WithName("HandOverEnquiry")
            .WithSummary("Its owner (nobody owns it yet: the lead department's staff) hands it over to a named staff member of any department, with the reason.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
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
        var me = actor.Subject;
        var query = actor.IsStaff && actor.Department is { } department
            ? db.Enquiries.AsNoTracking().Where(e => e.Department == department || e.OwnerId == me || e.ReceivedById == me).OrderBy(e => e.AnsweredAt != null).ThenBy(e => e.AskedAt)
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
        if (enquiry is null || !enquiry.IsVisibleTo(actor))
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

        return await SavedAsync(db, enquiry, ct);
    }

    private static async Task<Results<Created<Enquiry>, ValidationProblem>> ReceiveAsync(ReceiveRequest request, ClaimsPrincipal user, ApplicationsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Channel is not ("window" or "phone"))
        {
            errors["channel"] = ["window (in person) or phone. 渠道须为 window（窗口）或 phone（电话）。"];
        }

        if (string.IsNullOrWhiteSpace(request.Question) || CaseLimits.Check(request.Question, Enquiry.MaxLength) is not null)
        {
            errors["question"] = [$"A question of at most {Enquiry.MaxLength} characters. 请填写咨询内容（不超过 {Enquiry.MaxLength} 字）。"];
        }

        var applicant = string.IsNullOrWhiteSpace(request.ApplicantId) || CaseLimits.Check(request.ApplicantId, CaseLimits.Subject) is not null ? null
            : await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Subject == request.ApplicantId && !p.Disabled, ct);
        if (applicant is null || !applicant.Roles.Contains("applicant"))
        {
            errors["applicantId"] = ["The account of the applicant who asked (find them by name). 请选择提出咨询的申请人账户。"];
        }

        var item = string.IsNullOrWhiteSpace(request.ItemCode) || CaseLimits.HasNul(request.ItemCode) ? null : await db.CatalogueItems.AsNoTracking().SingleOrDefaultAsync(i => i.Code == request.ItemCode, ct);
        if (item?.LeadDepartment is null)
        {
            errors["itemCode"] = ["A published item's code. 请选择已发布的事项。"];
        }

        if (request.ApplicationId is { } applicationId && item is not null && applicant is not null
            && !await db.Applications.AnyAsync(a => a.Id == applicationId && a.ApplicantId == applicant.Subject && a.ItemCode == item.Code, ct))
        {
            errors["applicationId"] = ["One of the applicant's applications for this item. 须为该申请人该事项的申请。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var enquiry = Enquiry.Receive(Actors.ActorOf(user), applicant!.Subject, applicant.DisplayName, request.Channel!, item!.Code, request.ApplicationId, item.LeadDepartment!,
            request.Question!.Trim(), time.GetUtcNow());
        db.Enquiries.Add(enquiry);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"{ApplicationsApi.Prefix}/enquiries/{enquiry.Id}", enquiry);
    }

    private static async Task<Results<Ok<Enquiry>, NotFound, ValidationProblem, ProblemHttpResult>> HandOverAsync(Guid id, HandOverRequest request, ClaimsPrincipal user, ApplicationsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var to = string.IsNullOrWhiteSpace(request.ToStaffId) || CaseLimits.Check(request.ToStaffId, CaseLimits.Subject) is not null ? null
            : await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Subject == request.ToStaffId && !p.Disabled, ct);
        if (to is null || !to.Roles.Contains("staff") || to.Department is null)
        {
            errors["toStaffId"] = ["An active staff member of a department. 请选择接手的在岗工作人员。"];
        }

        if (string.IsNullOrWhiteSpace(request.Note) || CaseLimits.Check(request.Note, Enquiry.NoteMaxLength) is not null)
        {
            errors["note"] = [$"Why they are the right person, at most {Enquiry.NoteMaxLength} characters. 请说明移交理由（不超过 {Enquiry.NoteMaxLength} 字）。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var actor = Actors.ActorOf(user);
        var enquiry = await db.Enquiries.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (enquiry is null || !enquiry.IsVisibleTo(actor))
        {
            return TypedResults.NotFound();
        }

        if (enquiry.HandOver(actor, to!.Subject, to.DisplayName, to.Department!, request.Note!.Trim(), time.GetUtcNow()) is { } refusal)
        {
            return refusal.ToProblem();
        }

        return await SavedAsync(db, enquiry, ct);
    }

    private static async Task<Results<Ok<Enquiry>, NotFound, ValidationProblem, ProblemHttpResult>> SavedAsync(ApplicationsDbContext db, Enquiry enquiry, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Of(StatusCodes.Status409Conflict, "The enquiry changed meanwhile; reload it. 该咨询已被更新，请刷新后重试。");
        }

        return TypedResults.Ok(enquiry);
    }
}
