using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Feedback.Figures;
using Talent.Http;
using Talent.ReadModels;
using Talent.WorkingDays;
using static Talent.Feedback.Rectifications.RectificationContracts;

namespace Talent.Feedback.Rectifications;

using CaseResult = Results<Ok<CaseView>, ValidationProblem, NotFound, ProblemHttpResult>;

/// <summary>
/// The bad-review loop for departments (their own cases) and operators (all cases, and the appeals): a list with state,
/// overdue and department filters, one case with its history, one route per transition. Another department's case is 404.
/// </summary>
public static class RectificationsApi
{
    public static IEndpointRouteBuilder MapRectificationsApi(this IEndpointRouteBuilder routes)
    {
        var cases = routes.MapGroup("/api/feedback/rectifications").WithTags("Rectification").RequireAuthorization(FeedbackPolicies.Handler);
        cases.MapGet("/", ListAsync).WithName("ListRectifications")
            .WithSummary("Staff: their department's cases; operators: all. ?state=&overdue=true&department=&page=&pageSize=")
            .ProducesValidationProblem();
        cases.MapGet("/{id:guid}", GetAsync).WithName("GetRectification").WithSummary("One case with its history and the actions it allows now.");
        cases.MapPost("/{id:guid}/start-verification", StartVerificationAsync).RequireAuthorization(FeedbackPolicies.Staff).WithName("StartVerification")
            .WithSummary("Raised → verifying: the department takes the case up.").ProducesRefusals();
        cases.MapPost("/{id:guid}/verify", VerifyAsync).RequireAuthorization(FeedbackPolicies.Staff).WithName("VerifyRectification")
            .WithSummary("Verifying → rectifying, with the findings.").ProducesValidationProblem().ProducesRefusals();
        cases.MapPost("/{id:guid}/rectify", RectifyAsync).RequireAuthorization(FeedbackPolicies.Staff).WithName("Rectify")
            .WithSummary("Rectifying → return visit, with the changes made.").ProducesValidationProblem().ProducesRefusals();
        cases.MapPost("/{id:guid}/return-visit", ReturnVisitAsync).RequireAuthorization(FeedbackPolicies.Staff).WithName("RecordReturnVisit")
            .WithSummary("Return visit → closed: whether the person is now satisfied.").ProducesValidationProblem().ProducesRefusals();
        cases.MapPost("/{id:guid}/appeal", AppealAsync).RequireAuthorization(FeedbackPolicies.Staff).WithName("AppealReview")
            .WithSummary("The department appeals a review it believes mistaken or malicious; the case waits for an operator.")
            .ProducesValidationProblem().ProducesRefusals();
        cases.MapPost("/{id:guid}/appeal-decision", DecideAppealAsync).RequireAuthorization(FeedbackPolicies.Operator).WithName("DecideAppeal")
            .WithSummary("Operators: uphold the review (the case goes on) or remove it from the figures (the case closes).")
            .ProducesValidationProblem().ProducesRefusals();
        return routes;
    }

    /// <summary>A transition's refusals: not this department's (or role's) to do (403), not in this state or changed meanwhile (409).</summary>
    private static RouteHandlerBuilder ProducesRefusals(this RouteHandlerBuilder route) =>
        route.ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Ok<Paged<CaseView>>, ValidationProblem>> ListAsync(
        string? state, bool? overdue, string? department, [AsParameters] PageQuery paging, [AsParameters] RequestContext context)
    {
        var errors = new Dictionary<string, string[]>();
        RectificationState? wanted = null;
        if (state is not null)
        {
            if (Enum.TryParse<RectificationState>(state, true, out var parsed) && Enum.IsDefined(parsed))
            {
                wanted = parsed;
            }
            else
            {
                errors["state"] = ["raised, verifying, rectifying, returnVisit or closed. 状态有误。"];
            }
        }

        var page = paging.ResolveInto(errors);

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var user = context.User;
        var query = context.Db.Rectifications.AsNoTracking();
        if (!user.IsInRole("operator"))
        {
            var own = user.Department() ?? "";
            query = query.Where(c => c.Department == own);
        }
        else if (department is not null)
        {
            query = query.Where(c => c.Department == department);
        }

        if (wanted is not null)
        {
            query = query.Where(c => c.State == wanted);
        }

        var today = WorkingCalendar.Today(context.Time.GetUtcNow());
        if (overdue == true)
        {
            query = query.Where(c => c.State != RectificationState.Closed && c.Appeal != AppealState.Pending && c.StageDueOn < today);
        }

        var total = await query.CountAsync(context.Cancellation);
        var cases = await query.OrderBy(c => c.State == RectificationState.Closed).ThenBy(c => c.StageDueOn).ThenBy(c => c.Id)
            .Skip(page.Skip).Take(page.Size).ToListAsync(context.Cancellation);
        return TypedResults.Ok(page.Of([.. cases.Select(c => View(c, today))], total));
    }

    private static async Task<Results<Ok<CaseView>, NotFound>> GetAsync(Guid id, [AsParameters] RequestContext context)
    {
        var found = await context.Db.Rectifications.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, context.Cancellation);
        return found is null || !context.User.ActsFor(found.Department)
            ? TypedResults.NotFound()
            : TypedResults.Ok(View(found, WorkingCalendar.Today(context.Time.GetUtcNow())));
    }

    private static Task<CaseResult> StartVerificationAsync(Guid id, [AsParameters] RequestContext context) =>
        ActAsync(id, context, (c, actor, _, now) => c.StartVerification(actor, now));

    private static async Task<CaseResult> VerifyAsync(Guid id, FindingsRequest request, [AsParameters] RequestContext context) =>
        InvalidText(request.Findings, "findings") is { } invalid
            ? invalid
            : await ActAsync(id, context, (c, actor, calendar, now) => c.Verify(actor, request.Findings!.Trim(), calendar, context.Settings.RectifyDays, now));

    private static async Task<CaseResult> RectifyAsync(Guid id, ChangesRequest request, [AsParameters] RequestContext context) =>
        InvalidText(request.Changes, "changes") is { } invalid
            ? invalid
            : await ActAsync(id, context, (c, actor, calendar, now) => c.Rectify(actor, request.Changes!.Trim(), calendar, context.Settings.ReturnVisitDays, now));

    private static async Task<CaseResult> ReturnVisitAsync(Guid id, ReturnVisitRequest request, [AsParameters] RequestContext context)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Satisfied is null)
        {
            errors["satisfied"] = ["Whether the person is now satisfied. 请填写回访是否满意。"];
        }

        if (request.Note is { Length: > RectificationCase.TextMaxLength })
        {
            errors["note"] = [$"At most {RectificationCase.TextMaxLength} characters. 不超过 {RectificationCase.TextMaxLength} 字。"];
        }

        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : await ActAsync(id, context, (c, actor, _, now) => c.RecordReturnVisit(actor, request.Satisfied!.Value, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), now));
    }

    private static async Task<CaseResult> AppealAsync(Guid id, AppealRequest request, [AsParameters] RequestContext context) =>
        InvalidText(request.Reason, "reason") is { } invalid
            ? invalid
            : await ActAsync(id, context, (c, actor, _, now) => c.AppealReview(actor, request.Reason!.Trim(), now));

    private static async Task<CaseResult> DecideAppealAsync(Guid id, AppealDecisionRequest request, [AsParameters] RequestContext context)
    {
        if (request.Remove is not { } remove)
        {
            return Problems.Invalid("remove", "true removes the review from the figures, false upholds it. 请选择移出统计或维持评价。");
        }

        return InvalidText(request.Note, "note") is { } invalid
            ? invalid
            : await ActAsync(id, context, (c, actor, calendar, now) => c.DecideAppeal(actor, remove, request.Note!.Trim(), calendar, now));
    }

    private static ValidationProblem? InvalidText(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) || value.Length > RectificationCase.TextMaxLength
            ? Problems.Invalid(field, $"1 to {RectificationCase.TextMaxLength} characters. 须为 1 至 {RectificationCase.TextMaxLength} 字。")
            : null;

    /// <summary>One transition of a case the caller's department (or an operator) sees; closing it also writes its figures and event.</summary>
    private static async Task<CaseResult> ActAsync(Guid id, RequestContext context, Func<RectificationCase, CaseActor, WorkingCalendar, DateTimeOffset, Refusal?> act)
    {
        var (db, ct) = (context.Db, context.Cancellation);
        var found = await db.Rectifications.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (found is null || !context.User.ActsFor(found.Department))
        {
            return TypedResults.NotFound();
        }

        var now = context.Time.GetUtcNow();
        var wasClosed = found.State == RectificationState.Closed;
        var calendar = await CalendarCopy.CalendarAsync(db, ct);
        if (act(found, Actors.ActorOf(context.User), calendar, now) is { } refusal)
        {
            return refusal.InState(found.State).ToProblem();
        }

        var deltas = !wasClosed && found.State == RectificationState.Closed ? await CaseClosing.ClosingAsync(db, found, now, ct) : [];
        try
        {
            await db.SaveWithFiguresAsync(deltas, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Of(StatusCodes.Status409Conflict, "The case changed meanwhile; reload it. 整改记录已被他人更新，请刷新后重试。");
        }

        return TypedResults.Ok(View(found, WorkingCalendar.Today(now)));
    }
}
