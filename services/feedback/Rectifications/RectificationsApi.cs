using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Talent.Contracts.Feedback;
using Talent.Feedback.Data;
using Talent.Feedback.Figures;
using Talent.Messaging.Outbox;
using Talent.WorkingDays;

namespace Talent.Feedback.Rectifications;

/// <summary>
/// The bad-review loop for departments (their own cases) and operators (all cases, and the appeals): a list with state,
/// overdue and department filters, one case with its history, one route per transition.
/// </summary>
public static class RectificationsApi
{
    public const string HandlerPolicy = "feedback-handler";

    public sealed record FindingsRequest(string? Findings);

    public sealed record ChangesRequest(string? Changes);

    public sealed record ReturnVisitRequest(bool? Satisfied, string? Note);

    public sealed record AppealRequest(string? Reason);

    public sealed record AppealDecisionRequest(bool? Remove, string? Note);

    public sealed record CaseView(
        Guid Id, Guid EvaluationId, Guid ApplicationId, string ItemCode, string ItemTitle, string Department, string? OwnerId, string Level, string? Comment,
        RectificationState State, DateTimeOffset RaisedAt, DateOnly StageDueOn, bool Overdue, bool Late, string? Findings, string? Changes, bool? SatisfiedAfterVisit,
        string? ReturnVisitNote, AppealState Appeal, string? AppealReason, string? AppealDecisionNote, string? Outcome, DateTimeOffset? ClosedAt,
        IReadOnlyList<string> AllowedActions, IReadOnlyList<RectificationStep> History);

    public sealed record CasePage(IReadOnlyList<CaseView> Items, int Page, int PageSize, int Total);

    public static IEndpointRouteBuilder MapRectificationsApi(this IEndpointRouteBuilder routes)
    {
        var cases = routes.MapGroup("/api/feedback/rectifications").WithTags("Rectification").RequireAuthorization(HandlerPolicy);
        cases.MapGet("/", ListAsync).WithName("ListRectifications")
            .WithSummary("Staff: their department's cases; operators: all. ?state=&overdue=true&department=&page=&pageSize=");
        cases.MapGet("/{id:guid}", GetAsync).WithName("GetRectification");
        cases.MapPost("/{id:guid}/start-verification", (Guid id, ClaimsPrincipal user, FeedbackDbContext db, TimeProvider time, CancellationToken ct) =>
            ActAsync(id, user, db, time, ct, (c, actor, _, now) => c.StartVerification(actor, now))).WithName("StartVerification");
        cases.MapPost("/{id:guid}/verify", (Guid id, FindingsRequest request, ClaimsPrincipal user, FeedbackDbContext db, TimeProvider time, IOptions<FeedbackOptions> o, CancellationToken ct) =>
            Text(request.Findings, "findings") ?? ActAsync(id, user, db, time, ct, (c, actor, calendar, now) => c.Verify(actor, request.Findings!.Trim(), calendar, o.Value.RectifyDays, now))).WithName("VerifyRectification");
        cases.MapPost("/{id:guid}/rectify", (Guid id, ChangesRequest request, ClaimsPrincipal user, FeedbackDbContext db, TimeProvider time, IOptions<FeedbackOptions> o, CancellationToken ct) =>
            Text(request.Changes, "changes") ?? ActAsync(id, user, db, time, ct, (c, actor, calendar, now) => c.Rectify(actor, request.Changes!.Trim(), calendar, o.Value.ReturnVisitDays, now))).WithName("Rectify");
        cases.MapPost("/{id:guid}/return-visit", ReturnVisitAsync).WithName("RecordReturnVisit");
        cases.MapPost("/{id:guid}/appeal", (Guid id, AppealRequest request, ClaimsPrincipal user, FeedbackDbContext db, TimeProvider time, CancellationToken ct) =>
            Text(request.Reason, "reason") ?? ActAsync(id, user, db, time, ct, (c, actor, _, now) => c.AppealReview(actor, request.Reason!.Trim(), now))).WithName("AppealReview")
            .WithSummary("The department appeals a review it believes mistaken or malicious; the case waits for an operator.");
        cases.MapPost("/{id:guid}/appeal-decision", (Guid id, AppealDecisionRequest request, ClaimsPrincipal user, FeedbackDbContext db, TimeProvider time, CancellationToken ct) =>
            request.Remove is null
                ? Task.FromResult<IResult>(TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["remove"] = ["true removes the review from the figures, false upholds it. 请选择移出统计或维持评价。"] }))
                : Text(request.Note, "note") ?? ActAsync(id, user, db, time, ct, (c, actor, calendar, now) => c.DecideAppeal(actor, request.Remove.Value, request.Note!.Trim(), calendar, now)))
            .WithName("DecideAppeal").WithSummary("Operators: uphold the review (the case goes on) or remove it from the figures (the case closes).");
        return routes;
    }

    public static CaseActor ActorOf(ClaimsPrincipal user) =>
        new(user.FindFirstValue("sub") ?? "", user.FindFirstValue("name") ?? user.FindFirstValue("sub") ?? "", user.Department(), user.IsInRole("staff"), user.IsInRole("operator"));

    private static Task<IResult>? Text(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) || value.Length > RectificationCase.TextMaxLength
            ? Task.FromResult<IResult>(TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [$"1 to {RectificationCase.TextMaxLength} characters. 须为 1 至 {RectificationCase.TextMaxLength} 字。"] }))
            : null;

    private static Task<IResult> ReturnVisitAsync(Guid id, ReturnVisitRequest request, ClaimsPrincipal user, FeedbackDbContext db, TimeProvider time, CancellationToken ct)
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
            ? Task.FromResult<IResult>(TypedResults.ValidationProblem(errors))
            : ActAsync(id, user, db, time, ct, (c, actor, _, now) => c.RecordReturnVisit(actor, request.Satisfied!.Value, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), now));
    }

    private static async Task<IResult> ListAsync(string? state, bool? overdue, string? department, int? page, int? pageSize, ClaimsPrincipal user, FeedbackDbContext db, TimeProvider time, CancellationToken ct)
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

        QueryChecks.Paging(page, pageSize, errors);

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.Rectifications.AsNoTracking();
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

        var today = WorkingCalendar.Today(time.GetUtcNow());
        if (overdue == true)
        {
            query = query.Where(c => c.State != RectificationState.Closed && c.Appeal != AppealState.Pending && c.StageDueOn < today);
        }

        var size = pageSize ?? 20;
        var number = page ?? 1;
        var total = await query.CountAsync(ct);
        var cases = await query.OrderBy(c => c.State == RectificationState.Closed).ThenBy(c => c.StageDueOn).ThenBy(c => c.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new CasePage([.. cases.Select(c => View(c, today))], number, size, total));
    }

    private static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, FeedbackDbContext db, TimeProvider time, CancellationToken ct)
    {
        var found = await db.Rectifications.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        return found is null || !Sees(user, found)
            ? TypedResults.NotFound()
            : TypedResults.Ok(View(found, WorkingCalendar.Today(time.GetUtcNow())));
    }

    private static bool Sees(ClaimsPrincipal user, RectificationCase found) =>
        user.IsInRole("operator") || (user.IsInRole("staff") && user.Department() == found.Department);

    private static async Task<IResult> ActAsync(Guid id, ClaimsPrincipal user, FeedbackDbContext db, TimeProvider time, CancellationToken ct, Func<RectificationCase, CaseActor, WorkingCalendar, DateTimeOffset, CaseRefusal?> act)
    {
        var found = await db.Rectifications.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (found is null || !Sees(user, found))
        {
            return TypedResults.NotFound();
        }

        var now = time.GetUtcNow();
        var wasClosed = found.State == RectificationState.Closed;
        var calendar = await ReadModels.CalendarCopy.CalendarAsync(db, ct);
        if (act(found, ActorOf(user), calendar, now) is { } refusal)
        {
            return TypedResults.Problem(title: refusal.Reason, statusCode: refusal.Status, extensions: new Dictionary<string, object?> { ["state"] = found.State, ["allowedActions"] = refusal.Allowed });
        }

        var deltas = !wasClosed && found.State == RectificationState.Closed ? await ClosingAsync(db, found, now, ct) : [];
        try
        {
            await db.SaveWithFiguresAsync(deltas, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(title: "The case changed meanwhile; reload it. 整改记录已被他人更新，请刷新后重试。", statusCode: StatusCodes.Status409Conflict);
        }

        return TypedResults.Ok(View(found, WorkingCalendar.Today(now)));
    }

    /// <summary>
    /// What closing a case changes besides the case: a review removed on appeal leaves the figures (it is kept, marked),
    /// <c>RectificationCompleted</c> is raised; returns the figure deltas to save with it.
    /// </summary>
    public static async Task<List<FigureDelta?>> ClosingAsync(FeedbackDbContext db, RectificationCase closed, DateTimeOffset now, CancellationToken ct)
    {
        var deltas = new List<FigureDelta?>();
        if (closed.Outcome == "removedOnAppeal" && await db.Evaluations.SingleOrDefaultAsync(e => e.Id == closed.EvaluationId, ct) is { Removed: false } evaluation)
        {
            evaluation.RemoveFromFigures();
            deltas.Add(FigureDelta.Of(evaluation, -1));
        }

        deltas.Add(FigureDelta.Of(closed));
        db.RecordEvent(new RectificationCompleted(Guid.CreateVersion7(now), now, closed.Id, closed.EvaluationId, closed.SubjectId, closed.ItemCode, closed.Department, closed.OwnerId, closed.Outcome!, closed.OnTime, closed.SatisfiedAfterVisit));
        return deltas;
    }

    public static CaseView View(RectificationCase c, DateOnly today) => new(
        c.Id, c.EvaluationId, c.SubjectId, c.ItemCode, c.ItemTitle, c.Department, c.OwnerId, System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(c.Level.ToString()), c.Comment,
        c.State, c.RaisedAt, c.StageDueOn, c.IsOverdue(today), c.Late, c.Findings, c.Changes, c.SatisfiedAfterVisit, c.ReturnVisitNote, c.Appeal, c.AppealReason,
        c.AppealDecisionNote, c.Outcome, c.ClosedAt, c.AllowedActions(), c.History);
}
