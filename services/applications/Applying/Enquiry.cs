using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Talent.Applications.Data;

namespace Talent.Applications.Applying;

/// <summary>
/// A consultation (咨询) before or during an application, routed to the item's lead department. The first staff member
/// who answers owns it (首问负责) and, for a case nobody owns yet, the case too.
/// </summary>
public sealed class Enquiry
{
    public const int MaxLength = 2000;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string ApplicantId { get; private set; } = "";

    public string ApplicantName { get; private set; } = "";

    public string ItemCode { get; private set; } = "";

    public Guid? ApplicationId { get; private set; }

    public string Department { get; private set; } = "";

    public string Question { get; private set; } = "";

    public string? Answer { get; private set; }

    public string? OwnerId { get; private set; }

    public string? OwnerName { get; private set; }

    public DateTimeOffset AskedAt { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    private Enquiry()
    {
    }

    public static Enquiry Ask(CaseActor applicant, string itemCode, Guid? applicationId, string department, string question, DateTimeOffset now) => new()
    {
        ApplicantId = applicant.Subject,
        ApplicantName = applicant.Name,
        ItemCode = itemCode,
        ApplicationId = applicationId,
        Department = department,
        Question = question,
        AskedAt = now,
    };

    public CaseRefusal? Reply(CaseActor staff, string answer, DateTimeOffset now)
    {
        if (!staff.IsStaffOf(Department))
        {
            return new CaseRefusal(true, "The item's lead department answers. 由事项牵头部门答复。", ApplicationState.Draft, []);
        }

        if (OwnerId is not null && OwnerId != staff.Subject)
        {
            return new CaseRefusal(true, "The first staff member who answered owns this enquiry. 该咨询已由首问责任人负责。", ApplicationState.Draft, []);
        }

        OwnerId ??= staff.Subject;
        OwnerName ??= staff.Name;
        Answer = answer;
        AnsweredAt = now;
        return null;
    }
}

public static class EnquiriesApi
{
    public sealed record AskRequest(string? ItemCode, Guid? ApplicationId, string? Question);

    public sealed record AnswerRequest(string? Answer);

    public static IEndpointRouteBuilder MapEnquiriesApi(this IEndpointRouteBuilder routes)
    {
        var enquiries = routes.MapGroup("/api/applications/enquiries").WithTags("Enquiries").RequireAuthorization(ApplicationsApi.UserPolicy);
        enquiries.MapPost("/", AskAsync).WithName("AskEnquiry");
        enquiries.MapGet("/", ListAsync).WithName("ListEnquiries").WithSummary("Applicants: their own; staff: their department's, unanswered first.");
        enquiries.MapPost("/{id:guid}/answer", AnswerAsync).RequireAuthorization(ApplicationsApi.StaffPolicy).WithName("AnswerEnquiry");
        return routes;
    }

    private static async Task<IResult> AskAsync(AskRequest request, ClaimsPrincipal user, ApplicationsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var actor = ApplicationsApi.ActorOf(user);
        if (!actor.IsApplicant)
        {
            return TypedResults.Problem(title: "Applicants ask. 仅申请人可以咨询。", statusCode: StatusCodes.Status403Forbidden);
        }

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Question) || request.Question.Length > Enquiry.MaxLength)
        {
            errors["question"] = [$"A question of at most {Enquiry.MaxLength} characters. 请填写咨询内容（不超过 {Enquiry.MaxLength} 字）。"];
        }

        var item = string.IsNullOrWhiteSpace(request.ItemCode) ? null : await db.CatalogueItems.AsNoTracking().SingleOrDefaultAsync(i => i.Code == request.ItemCode, ct);
        if (item?.LeadDepartment is null)
        {
            errors["itemCode"] = ["A published item's code. 请选择已发布的事项。"];
        }

        if (request.ApplicationId is { } applicationId && !await db.Applications.AnyAsync(a => a.Id == applicationId && a.ApplicantId == actor.Subject && a.ItemCode == request.ItemCode, ct))
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
        return TypedResults.Created($"/api/applications/enquiries/{enquiry.Id}", enquiry);
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, ApplicationsDbContext db, CancellationToken ct)
    {
        var actor = ApplicationsApi.ActorOf(user);
        var query = actor.IsStaff && actor.Department is { } department
            ? db.Enquiries.AsNoTracking().Where(e => e.Department == department).OrderBy(e => e.AnsweredAt != null).ThenBy(e => e.AskedAt)
            : db.Enquiries.AsNoTracking().Where(e => e.ApplicantId == actor.Subject).OrderByDescending(e => e.AskedAt);
        return TypedResults.Ok(await query.Take(200).ToListAsync(ct));
    }

    private static async Task<IResult> AnswerAsync(Guid id, AnswerRequest request, ClaimsPrincipal user, ApplicationsDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Answer) || request.Answer.Length > Enquiry.MaxLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["answer"] = [$"An answer of at most {Enquiry.MaxLength} characters. 请填写答复（不超过 {Enquiry.MaxLength} 字）。"] });
        }

        var actor = ApplicationsApi.ActorOf(user);
        var enquiry = await db.Enquiries.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (enquiry is null || !actor.IsStaffOf(enquiry.Department))
        {
            return TypedResults.NotFound();
        }

        var now = time.GetUtcNow();
        if (enquiry.Reply(actor, request.Answer.Trim(), now) is { } refusal)
        {
            return TypedResults.Problem(title: refusal.Message, statusCode: StatusCodes.Status403Forbidden);
        }

        if (enquiry.ApplicationId is { } applicationId && await db.Applications.SingleOrDefaultAsync(a => a.Id == applicationId, ct) is { } application)
        {
            application.AnsweredEnquiry(actor, now);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(enquiry);
    }
}
