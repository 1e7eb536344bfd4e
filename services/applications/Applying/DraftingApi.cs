using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Http;

namespace Talent.Applications.Applying;

/// <summary>Starting a draft and filling its form (materials: <see cref="Materials.MaterialsApi"/>).</summary>
public static class DraftingApi
{
    public static IEndpointRouteBuilder MapDraftingApi(this IEndpointRouteBuilder routes)
    {
        var api = ApplicationsApi.Group(routes);
        api.MapPost("/", CreateAsync).WithName("CreateApplication")
            .WithSummary("A draft for a published item (applicants; staff of a department the item involves, filing at a window, name a known applicant).")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPut("/{id:guid}", AnswersAsync).RequireAuthorization(ApplicationsApi.FilerPolicy).WithName("SaveAnswers")
            .WithSummary("Saves the form's answers, checked against the form of the version applied under.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<Results<Created<ApplicationView>, ValidationProblem, ProblemHttpResult>> CreateAsync(CreateRequest request, [AsParameters] CaseContext c)
    {
        var actor = c.Actor;
        var errors = new Dictionary<string, string[]>();
        if (!actor.IsApplicant && !actor.IsStaff)
        {
            return Problems.Forbidden("Applicants apply; staff file at a service window on an applicant's behalf. 仅申请人或窗口工作人员可以创建申请。");
        }

        var channel = actor.IsStaff ? "window" : (request.Channel ?? "online");
        if (actor.IsApplicant && channel is not ("online" or "mobile"))
        {
            errors["channel"] = ["online or mobile. 渠道须为 online 或 mobile。"];
        }

        if (actor.IsStaff)
        {
            WindowFiling.CheckRequest(request, errors);
        }

        var db = c.Db;
        var item = string.IsNullOrWhiteSpace(request.ItemCode) || CaseLimits.HasNul(request.ItemCode) ? null : await db.CatalogueItems.AsNoTracking().SingleOrDefaultAsync(i => i.Code == request.ItemCode, c.Cancellation);
        var version = item is null ? null : await db.CatalogueVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Code == item.Code && v.Version == item.Version, c.Cancellation);
        if (item is null || item.Withdrawn || version?.FlowCard is null)
        {
            errors["itemCode"] = ["A published item's code (see /api/catalogue/items). 请选择已发布的事项。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var leadDepartment = item!.LeadDepartment ?? version!.LeadDepartment ?? "";
        var (applicantId, applicantName) = (actor.Subject, actor.Name);
        if (actor.IsStaff)
        {
            var filing = await WindowFiling.CheckAsync(request, actor, leadDepartment, version!.FlowCard!, c);
            if (filing.Refused is { } refused)
            {
                return refused;
            }

            (applicantId, applicantName) = (filing.Applicant!.Subject, filing.Applicant.DisplayName);
        }

        var application = Application.Start(applicantId, applicantName, item.Code, item.Version, item.TitleZh, version!.FlowCard!, leadDepartment, channel, actor, c.Time.GetUtcNow());
        application.ReferenceSharedMaterials(version.FlowCard!, c.Time.GetUtcNow());
        db.Applications.Add(application);
        await db.SaveChangesAsync(c.Cancellation);
        return TypedResults.Created($"{ApplicationsApi.Prefix}/{application.Id}", c.View(application));
    }

    private static async Task<Results<Ok<ApplicationView>, NotFound, ValidationProblem, ProblemHttpResult>> AnswersAsync(Guid id, AnswersRequest request, [AsParameters] CaseContext c)
    {
        var application = await c.VisibleAsync(id, tracking: true);
        if (application is null)
        {
            return TypedResults.NotFound();
        }

        var card = await c.CardAsync(application);
        var errors = FormValidation.Validate(card.Form, request.Answers ?? [], requireComplete: false);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (application.SaveAnswers(request.Answers ?? [], c.Actor, c.Time.GetUtcNow()) is { } refusal)
        {
            return refusal.ToProblem();
        }

        return await c.SaveAsync() is { } conflict ? conflict : TypedResults.Ok(c.View(application));
    }
}
