using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Talent.Contracts.Feedback;
using Talent.Feedback.Analysis;
using Talent.Feedback.Data;
using Talent.Feedback.Rectifications;
using Talent.Messaging.Outbox;
using Talent.WorkingDays;

namespace Talent.Feedback.Tickets;

/// <summary>
/// The problem-feedback window: people open tickets and confirm or reopen replies; departments see the tickets routed to
/// them (operators: all) and take them up and reply.
/// </summary>
public static class TicketsApi
{
    public const string AnyUserPolicy = "feedback-user";
    public const int MaxOpenPerPerson = 20;

    public sealed record OpenRequest(TicketKind? Kind, string? Category, string? Title, string? Body, string? ItemCode, Guid? ApplicationId);

    public sealed record ReplyRequest(string? Reply);

    public sealed record ConfirmRequest(bool? Satisfied, string? Note);

    public sealed record ReopenRequest(string? Reason);

    public sealed record CategoryView(string Code, string NameZh, string NameEn, string Department);

    public sealed record TicketView(
        Guid Id, string Number, TicketKind Kind, string Category, string Title, string Body, string? ItemCode, Guid? ApplicationId, string Department, string RoutedBy,
        string? OwnerId, string? OwnerName, TicketState State, DateTimeOffset OpenedAt, DateOnly ReplyDueOn, bool Overdue, string? Reply, DateTimeOffset? RepliedAt,
        DateOnly? ConfirmBy, int Reopened, string? Resolution, bool? Satisfied, DateTimeOffset? ClosedAt, IReadOnlyList<TicketStep> History);

    public sealed record TicketPage(IReadOnlyList<TicketView> Items, int Page, int PageSize, int Total);

    public static IEndpointRouteBuilder MapTicketsApi(this IEndpointRouteBuilder routes)
    {
        var tickets = routes.MapGroup("/api/feedback/tickets").WithTags("Problem-feedback window");
        tickets.MapGet("/categories", (IOptions<FeedbackOptions> o) => TypedResults.Ok(TicketRouting.Defaults
                .Select(c => new CategoryView(c.Key, c.Value.NameZh, c.Value.NameEn, TicketRouting.DepartmentOf(c.Key, o.Value.TicketRouting)!))))
            .AllowAnonymous() // the list of categories is public
            .WithName("ListTicketCategories");
        tickets.MapPost("/", OpenAsync).RequireAuthorization(Invitations.InvitationsApi.ApplicantPolicy).WithName("OpenTicket")
            .WithSummary("A question, complaint, suggestion or demand; routed by its application, else its item, else its category.");
        tickets.MapGet("/mine", MineAsync).RequireAuthorization(Invitations.InvitationsApi.ApplicantPolicy).WithName("MyTickets");
        tickets.MapPost("/{id:guid}/confirm", ConfirmAsync).RequireAuthorization(Invitations.InvitationsApi.ApplicantPolicy).WithName("ConfirmTicket");
        tickets.MapPost("/{id:guid}/reopen", ReopenAsync).RequireAuthorization(Invitations.InvitationsApi.ApplicantPolicy).WithName("ReopenTicket")
            .WithSummary("Within the confirmation period (5 working days by default) after a reply.");
        tickets.MapGet("/inbox", InboxAsync).RequireAuthorization(RectificationsApi.HandlerPolicy).WithName("TicketInbox")
            .WithSummary("Staff: tickets routed to their department; operators: all. ?state=&overdue=true&department=&page=&pageSize=");
        tickets.MapPost("/{id:guid}/take", (Guid id, ClaimsPrincipal user, FeedbackDbContext db, TimeProvider time, CancellationToken ct) =>
            HandleAsync(id, user, db, time, ct, (t, actor, _, now) => t.Take(actor, now))).RequireAuthorization(RectificationsApi.HandlerPolicy).WithName("TakeTicket");
        tickets.MapPost("/{id:guid}/reply", (Guid id, ReplyRequest request, ClaimsPrincipal user, FeedbackDbContext db, TimeProvider time, IOptions<FeedbackOptions> o, CancellationToken ct) =>
                string.IsNullOrWhiteSpace(request.Reply) || request.Reply.Length > FeedbackTicket.BodyMaxLength
                    ? Task.FromResult<IResult>(TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reply"] = [$"1 to {FeedbackTicket.BodyMaxLength} characters. 答复须为 1 至 {FeedbackTicket.BodyMaxLength} 字。"] }))
                    : HandleAsync(id, user, db, time, ct, (t, actor, calendar, now) => t.Answer(actor, request.Reply.Trim(), calendar, o.Value.TicketConfirmDays, now)))
            .RequireAuthorization(RectificationsApi.HandlerPolicy).WithName("ReplyToTicket");
        tickets.MapGet("/{id:guid}", GetAsync).RequireAuthorization(AnyUserPolicy).WithName("GetTicket");
        return routes;
    }

    private static async Task<IResult> OpenAsync(OpenRequest request, ClaimsPrincipal user, FeedbackDbContext db, TimeProvider time, IOptions<FeedbackOptions> options, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Kind is null || !Enum.IsDefined(request.Kind.Value))
        {
            errors["kind"] = ["question, complaint, suggestion or demand. 请选择类型：咨询、投诉、建议或诉求。"];
        }

        if (request.Category is null || !TicketRouting.Defaults.ContainsKey(request.Category))
        {
            errors["category"] = [$"One of {string.Join(", ", TicketRouting.Defaults.Keys)}. 请选择问题分类。"];
        }

        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > FeedbackTicket.TitleMaxLength)
        {
            errors["title"] = [$"1 to {FeedbackTicket.TitleMaxLength} characters. 标题须为 1 至 {FeedbackTicket.TitleMaxLength} 字。"];
        }

        if (string.IsNullOrWhiteSpace(request.Body) || request.Body.Length > FeedbackTicket.BodyMaxLength)
        {
            errors["body"] = [$"1 to {FeedbackTicket.BodyMaxLength} characters. 内容须为 1 至 {FeedbackTicket.BodyMaxLength} 字。"];
        }

        var subject = user.FindFirstValue("sub") ?? "";
        Applications.ApplicationCopy? application = null;
        if (request.ApplicationId is { } applicationId)
        {
            application = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId && a.ApplicantId == subject, ct);
            if (application is null)
            {
                errors["applicationId"] = ["Not one of your submitted applications. 不是您已提交的办件。"];
            }
        }

        var itemCode = application?.ItemCode ?? (string.IsNullOrWhiteSpace(request.ItemCode) ? null : request.ItemCode.Trim());
        var item = itemCode is null ? null : await db.CatalogueItems.AsNoTracking().SingleOrDefaultAsync(i => i.Code == itemCode, ct);
        if (itemCode is not null && item is null && application is null)
        {
            errors["itemCode"] = ["No such item in the directory. 服务目录中没有该事项。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await db.Tickets.CountAsync(t => t.RequesterId == subject && t.State != TicketState.Closed, ct) >= MaxOpenPerPerson)
        {
            return TypedResults.Problem(title: $"At most {MaxOpenPerPerson} open tickets per person; confirm the answered ones first. 每人最多 {MaxOpenPerPerson} 个未关闭工单。", statusCode: StatusCodes.Status409Conflict);
        }

        var (department, routedBy) = application is not null ? (application.LeadDepartment, "application")
            : item?.LeadDepartment is { Length: > 0 } lead ? (lead, "item")
            : (TicketRouting.DepartmentOf(request.Category!, options.Value.TicketRouting)!, "category");
        var now = time.GetUtcNow();
        var next = (await db.Database.SqlQuery<long>($"""SELECT nextval('feedback_ticket_number') AS "Value" """).ToListAsync(ct)).Single();
        var calendar = await ReadModels.CalendarCopy.CalendarAsync(db, ct);
        var ticket = FeedbackTicket.Open($"FK-{WorkingCalendar.Today(now).Year}-{next:D6}", request.Kind!.Value, request.Category!, request.Title!.Trim(), request.Body!.Trim(), itemCode, application?.Id,
            subject, user.FindFirstValue("name") ?? subject, department, routedBy, calendar, options.Value.TicketReplyDays, now);
        db.Tickets.Add(ticket);
        if (FeedbackText.Of(FeedbackText.Ticket, ticket.Id, now, department, itemCode, ticket.Category, item?.Stages, ticket.Title, ticket.Body) is { } text)
        {
            db.Texts.Add(text);
        }

        db.RecordEvent(new FeedbackTicketOpened(Guid.CreateVersion7(now), now, ticket.Id, ticket.Number, Name(ticket.Kind), ticket.Category, department, itemCode, ticket.ApplicationId, ticket.ReplyDueOn));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/feedback/tickets/{ticket.Id}", View(ticket, WorkingCalendar.Today(now)));
    }

    private static async Task<IResult> MineAsync(int? page, int? pageSize, ClaimsPrincipal user, FeedbackDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (Paging(page, pageSize) is { } invalid)
        {
            return invalid;
        }

        var subject = user.FindFirstValue("sub") ?? "";
        return await PageAsync(db.Tickets.AsNoTracking().Where(t => t.RequesterId == subject).OrderByDescending(t => t.OpenedAt), page, pageSize, time, ct);
    }

    private static async Task<IResult> InboxAsync(string? state, bool? overdue, string? department, int? page, int? pageSize, ClaimsPrincipal user, FeedbackDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (Paging(page, pageSize) is { } invalid)
        {
            return invalid;
        }

        TicketState? wanted = null;
        if (state is not null)
        {
            if (!Enum.TryParse<TicketState>(state, true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["state"] = ["open, replied or closed. 状态有误。"] });
            }

            wanted = parsed;
        }

        var query = db.Tickets.AsNoTracking();
        if (!user.IsInRole("operator"))
        {
            var own = user.Department() ?? "";
            query = query.Where(t => t.Department == own);
        }
        else if (department is not null)
        {
            query = query.Where(t => t.Department == department);
        }

        if (wanted is not null)
        {
            query = query.Where(t => t.State == wanted);
        }

        if (overdue == true)
        {
            var today = WorkingCalendar.Today(time.GetUtcNow());
            query = query.Where(t => t.State == TicketState.Open && t.ReplyDueOn < today);
        }

        return await PageAsync(query.OrderBy(t => t.State).ThenBy(t => t.ReplyDueOn).ThenBy(t => t.Id), page, pageSize, time, ct);
    }

    private static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, FeedbackDbContext db, TimeProvider time, CancellationToken ct)
    {
        var ticket = await db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        return ticket is null || !Sees(user, ticket) ? TypedResults.NotFound() : TypedResults.Ok(View(ticket, WorkingCalendar.Today(time.GetUtcNow())));
    }

    private static Task<IResult> ConfirmAsync(Guid id, ConfirmRequest request, ClaimsPrincipal user, FeedbackDbContext db, TimeProvider time, CancellationToken ct) =>
        request.Note is { Length: > FeedbackTicket.BodyMaxLength }
            ? Task.FromResult<IResult>(TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["note"] = [$"At most {FeedbackTicket.BodyMaxLength} characters. 不超过 {FeedbackTicket.BodyMaxLength} 字。"] }))
            : HandleAsync(id, user, db, time, ct, (t, actor, _, now) => t.Confirm(actor.Subject, request.Satisfied, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), now));

    private static Task<IResult> ReopenAsync(Guid id, ReopenRequest request, ClaimsPrincipal user, FeedbackDbContext db, TimeProvider time, IOptions<FeedbackOptions> options, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > FeedbackTicket.BodyMaxLength
            ? Task.FromResult<IResult>(TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [$"1 to {FeedbackTicket.BodyMaxLength} characters. 请说明重新打开的原因。"] }))
            : HandleAsync(id, user, db, time, ct, (t, actor, calendar, now) => t.Reopen(actor.Subject, request.Reason.Trim(), calendar, options.Value.TicketReplyDays, now));

    private static bool Sees(ClaimsPrincipal user, FeedbackTicket ticket) =>
        user.IsInRole("operator") || ticket.RequesterId == user.FindFirstValue("sub") || (user.IsInRole("staff") && user.Department() == ticket.Department);

    private static async Task<IResult> HandleAsync(Guid id, ClaimsPrincipal user, FeedbackDbContext db, TimeProvider time, CancellationToken ct, Func<FeedbackTicket, CaseActor, WorkingCalendar, DateTimeOffset, CaseRefusal?> act)
    {
        var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (ticket is null || !Sees(user, ticket))
        {
            return TypedResults.NotFound();
        }

        var now = time.GetUtcNow();
        var calendar = await ReadModels.CalendarCopy.CalendarAsync(db, ct);
        if (act(ticket, RectificationsApi.ActorOf(user), calendar, now) is { } refusal)
        {
            return TypedResults.Problem(title: refusal.Reason, statusCode: refusal.Status, extensions: new Dictionary<string, object?> { ["state"] = ticket.State });
        }

        if (ticket.State == TicketState.Closed)
        {
            db.RecordEvent(Resolved(ticket, now));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(title: "The ticket changed meanwhile; reload it. 工单已被更新，请刷新后重试。", statusCode: StatusCodes.Status409Conflict);
        }

        return TypedResults.Ok(View(ticket, WorkingCalendar.Today(now)));
    }

    public static FeedbackTicketResolved Resolved(FeedbackTicket ticket, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), now, ticket.Id, ticket.Number, ticket.Department, ticket.OwnerId, ticket.Resolution!, ticket.Reopened, !ticket.RepliedLate);

    private static IResult? Paging(int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        QueryChecks.Paging(page, pageSize, errors);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : null;
    }

    private static async Task<IResult> PageAsync(IQueryable<FeedbackTicket> query, int? page, int? pageSize, TimeProvider time, CancellationToken ct)
    {
        var size = pageSize ?? 20;
        var number = page ?? 1;
        var total = await query.CountAsync(ct);
        var tickets = await query.Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var today = WorkingCalendar.Today(time.GetUtcNow());
        return TypedResults.Ok(new TicketPage([.. tickets.Select(t => View(t, today))], number, size, total));
    }

    private static string Name(TicketKind kind) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    public static TicketView View(FeedbackTicket t, DateOnly today) => new(
        t.Id, t.Number, t.Kind, t.Category, t.Title, t.Body, t.ItemCode, t.ApplicationId, t.Department, t.RoutedBy, t.OwnerId, t.OwnerName, t.State, t.OpenedAt, t.ReplyDueOn,
        t.IsOverdue(today), t.Reply, t.RepliedAt, t.ConfirmBy, t.Reopened, t.Resolution, t.Satisfied, t.ClosedAt, t.History);
}
