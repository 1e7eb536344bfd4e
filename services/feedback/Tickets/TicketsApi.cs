using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Talent.Http;
using Talent.Messaging.Outbox;
using Talent.ReadModels;
using Talent.WorkingDays;
using static Talent.Feedback.Tickets.TicketContracts;

namespace Talent.Feedback.Tickets;

using TicketResult = Results<Ok<TicketView>, ValidationProblem, NotFound, ProblemHttpResult>;

/// <summary>
/// The problem-feedback window: people open tickets and confirm or reopen replies; departments see the tickets routed to
/// them (operators: all) and take them up and reply. A ticket the caller may not see is 404.
/// </summary>
public static class TicketsApi
{
    public static IEndpointRouteBuilder MapTicketsApi(this IEndpointRouteBuilder routes)
    {
        var tickets = routes.MapGroup("/api/feedback/tickets").WithTags("Problem-feedback window");
        tickets.MapGet("/categories", Categories)
            .AllowAnonymous() // the list of categories is public
            .WithName("ListTicketCategories").WithSummary("The ticket categories and the department each is routed to.");
        tickets.MapPost("/", OpenAsync).RequireAuthorization(FeedbackPolicies.Applicant).WithName("OpenTicket")
            .WithSummary("A question, complaint, suggestion or demand; routed by its application, else its item, else its category.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        tickets.MapGet("/mine", MineAsync).RequireAuthorization(FeedbackPolicies.Applicant).WithName("MyTickets")
            .WithSummary("The caller's tickets, newest first. ?page=&pageSize=").ProducesValidationProblem();
        tickets.MapPost("/{id:guid}/confirm", ConfirmAsync).RequireAuthorization(FeedbackPolicies.Applicant).WithName("ConfirmTicket")
            .WithSummary("The person confirms a reply, saying whether they are satisfied; the ticket closes.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        tickets.MapPost("/{id:guid}/reopen", ReopenAsync).RequireAuthorization(FeedbackPolicies.Applicant).WithName("ReopenTicket")
            .WithSummary("Within the confirmation period (5 working days by default) after a reply.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        tickets.MapGet("/inbox", InboxAsync).RequireAuthorization(FeedbackPolicies.Handler).WithName("TicketInbox")
            .WithSummary("Staff: tickets routed to their department; operators: all. ?state=&overdue=true&department=&openedByMe=true&page=&pageSize= (openedByMe: the walk-in tickets the caller opened, wherever they went)")
            .ProducesValidationProblem();
        tickets.MapPost("/{id:guid}/take", TakeAsync).RequireAuthorization(FeedbackPolicies.Handler).WithName("TakeTicket")
            .WithSummary("The first staff member of the department to take the ticket up owns it (first-ask ownership).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        tickets.MapPost("/{id:guid}/reply", ReplyAsync).RequireAuthorization(FeedbackPolicies.Handler).WithName("ReplyToTicket")
            .WithSummary("The owner replies (taking the ticket up when nobody owns it); the person then confirms or reopens.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        tickets.MapPost("/window", OpenForWalkInAsync).RequireAuthorization(FeedbackPolicies.Handler).WithName("OpenTicketForWalkIn")
            .WithSummary("Staff at a service point's window (or on the telephone) open a ticket for a walk-in person, with their name and telephone; it is routed as any ticket, and a ticket of the opener's own department is theirs at once.")
            .ProducesValidationProblem();
        tickets.MapPost("/{id:guid}/transfer", TransferAsync).RequireAuthorization(FeedbackPolicies.Handler).WithName("TransferTicket")
            .WithSummary("Passes a ticket waiting for a reply to the department it belongs to, with the reason; that department's reply time starts today.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        tickets.MapPost("/{id:guid}/record-confirmation", RecordConfirmationAsync).RequireAuthorization(FeedbackPolicies.Handler).WithName("RecordTicketConfirmation")
            .WithSummary("Staff record that a walk-in person accepts the reply (satisfied or not); the ticket closes.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        tickets.MapPost("/{id:guid}/record-reopening", RecordReopeningAsync).RequireAuthorization(FeedbackPolicies.Handler).WithName("RecordTicketReopening")
            .WithSummary("Staff record that a walk-in person is not satisfied with the reply, within the confirmation period; the ticket needs a new reply.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        tickets.MapGet("/{id:guid}", GetAsync).RequireAuthorization(FeedbackPolicies.AnyUser).WithName("GetTicket")
            .WithSummary("One ticket with its history: its person, its department's staff, operators.");
        return routes;
    }

    private static Ok<List<CategoryView>> Categories(IOptions<FeedbackOptions> options) =>
        TypedResults.Ok(TicketRouting.Defaults.Select(c => new CategoryView(c.Key, c.Value.NameZh, c.Value.NameEn, TicketRouting.DepartmentOf(c.Key, options.Value.TicketRouting)!)).ToList());

    private static async Task<Results<Created<TicketView>, ValidationProblem, ProblemHttpResult>> OpenAsync(OpenRequest request, [AsParameters] RequestContext context)
    {
        var (db, ct) = (context.Db, context.Cancellation);
        var subject = context.Subject;
        var (about, errors) = await TicketOpening.CheckAsync(request, subject, db, ct);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await TicketOpening.RefuseAsync(subject, db, ct) is { } refusal)
        {
            return refusal.ToProblem();
        }

        var now = context.Time.GetUtcNow();
        var ticket = await TicketOpening.OpenAsync(db, request, about, subject, context.User.DisplayName(Actors.NameMaxLength), context.Settings, now, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/feedback/tickets/{ticket.Id}", View(ticket, WorkingCalendar.Today(now)));
    }

    private static async Task<Results<Ok<Paged<TicketView>>, ValidationProblem>> MineAsync([AsParameters] PageQuery paging, [AsParameters] RequestContext context)
    {
        if (!paging.TryResolve(out var page, out var invalid))
        {
            return invalid;
        }

        var subject = context.Subject;
        return TypedResults.Ok(await PageAsync(context.Db.Tickets.AsNoTracking().Where(t => t.RequesterId == subject).OrderByDescending(t => t.OpenedAt), page, context));
    }

    private static async Task<Results<Created<TicketView>, ValidationProblem, ProblemHttpResult>> OpenForWalkInAsync(WalkInRequest request, [AsParameters] RequestContext context)
    {
        var (db, ct) = (context.Db, context.Cancellation);
        var (about, errors) = await TicketOpening.CheckAsync(new OpenRequest(request.Kind, request.Category, request.Title, request.Body, request.ItemCode, null), "", db, ct);
        var walkIn = TicketOpening.CheckWalkIn(request, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = context.Time.GetUtcNow();
        var staff = Actors.ActorOf(context.User);
        var ticket = await TicketOpening.OpenAsync(db, new OpenRequest(request.Kind, request.Category, request.Title, request.Body, request.ItemCode, null), about,
            $"walk-in:{Guid.CreateVersion7(now)}", walkIn.Name, context.Settings, now, ct, new FeedbackTicket.WalkIn(walkIn.Channel, walkIn.Phone, staff));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/feedback/tickets/{ticket.Id}", View(ticket, WorkingCalendar.Today(now)));
    }

    private static async Task<TicketResult> TransferAsync(Guid id, TransferRequest request, [AsParameters] RequestContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var department = request.Department?.Trim().ToUpperInvariant();
        if (department is not { Length: > 0 and <= 20 } || !department.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') || !await TicketRouting.IsKnownAsync(department, context.Db, context.Settings.TicketRouting, context.Cancellation))
        {
            errors["department"] = ["A department of the zone (its code, e.g. HOUSING). 请选择本区的受理部门。"];
        }

        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > FeedbackTicket.ReasonMaxLength)
        {
            errors["reason"] = [$"1 to {FeedbackTicket.ReasonMaxLength} characters: why it belongs there. 请说明转办理由（1 至 {FeedbackTicket.ReasonMaxLength} 字）。"];
        }

        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : await ActAsync(id, context, (t, actor, calendar, now) => t.Transfer(actor, department!, request.Reason!.Trim(), calendar, context.Settings.TicketReplyDays, now));
    }

    private static async Task<TicketResult> RecordConfirmationAsync(Guid id, RecordRequest request, [AsParameters] RequestContext context) =>
        request.Note is { Length: > FeedbackTicket.BodyMaxLength }
            ? Problems.Invalid("note", $"At most {FeedbackTicket.BodyMaxLength} characters. 不超过 {FeedbackTicket.BodyMaxLength} 字。")
            : await ActAsync(id, context, (t, actor, _, now) => t.RecordConfirmation(actor, request.Satisfied, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), now));

    private static async Task<TicketResult> RecordReopeningAsync(Guid id, RecordRequest request, [AsParameters] RequestContext context) =>
        string.IsNullOrWhiteSpace(request.Note) || request.Note.Length > FeedbackTicket.BodyMaxLength
            ? Problems.Invalid("note", $"1 to {FeedbackTicket.BodyMaxLength} characters: what the person is not satisfied with. 请记录反馈人不满意的原因。")
            : await ActAsync(id, context, (t, actor, calendar, now) => t.RecordReopening(actor, request.Note.Trim(), calendar, context.Settings.TicketReplyDays, now));

    private static async Task<Results<Ok<Paged<TicketView>>, ValidationProblem>> InboxAsync(
        string? state, bool? overdue, string? department, bool? openedByMe, [AsParameters] PageQuery paging, [AsParameters] RequestContext context)
    {
        if (!paging.TryResolve(out var page, out var invalid))
        {
            return invalid;
        }

        TicketState? wanted = null;
        if (state is not null)
        {
            if (!Enum.TryParse<TicketState>(state, true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Problems.Invalid("state", "open, replied or closed. 状态有误。");
            }

            wanted = parsed;
        }

        var user = context.User;
        var query = context.Db.Tickets.AsNoTracking();
        if (openedByMe == true)
        {
            var me = context.Subject;
            query = query.Where(t => t.OpenedById == me);
        }
        else if (!user.IsInRole("operator"))
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
            var today = WorkingCalendar.Today(context.Time.GetUtcNow());
            query = query.Where(t => t.State == TicketState.Open && t.ReplyDueOn < today);
        }

        return TypedResults.Ok(await PageAsync(query.OrderBy(t => t.State).ThenBy(t => t.ReplyDueOn).ThenBy(t => t.Id), page, context));
    }

    private static async Task<Results<Ok<TicketView>, NotFound>> GetAsync(Guid id, [AsParameters] RequestContext context)
    {
        var ticket = await context.Db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, context.Cancellation);
        return ticket is null || !Sees(context, ticket) ? TypedResults.NotFound() : TypedResults.Ok(View(ticket, WorkingCalendar.Today(context.Time.GetUtcNow())));
    }

    private static Task<TicketResult> TakeAsync(Guid id, [AsParameters] RequestContext context) =>
        ActAsync(id, context, (t, actor, _, now) => t.Take(actor, now));

    private static async Task<TicketResult> ReplyAsync(Guid id, ReplyRequest request, [AsParameters] RequestContext context) =>
        string.IsNullOrWhiteSpace(request.Reply) || request.Reply.Length > FeedbackTicket.BodyMaxLength
            ? Problems.Invalid("reply", $"1 to {FeedbackTicket.BodyMaxLength} characters. 答复须为 1 至 {FeedbackTicket.BodyMaxLength} 字。")
            : await ActAsync(id, context, (t, actor, calendar, now) => t.Answer(actor, request.Reply.Trim(), calendar, context.Settings.TicketConfirmDays, now));

    private static async Task<TicketResult> ConfirmAsync(Guid id, ConfirmRequest request, [AsParameters] RequestContext context) =>
        request.Note is { Length: > FeedbackTicket.BodyMaxLength }
            ? Problems.Invalid("note", $"At most {FeedbackTicket.BodyMaxLength} characters. 不超过 {FeedbackTicket.BodyMaxLength} 字。")
            : await ActAsync(id, context, (t, actor, _, now) => t.Confirm(actor.Subject, request.Satisfied, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), now));

    private static async Task<TicketResult> ReopenAsync(Guid id, ReopenRequest request, [AsParameters] RequestContext context) =>
        string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > FeedbackTicket.BodyMaxLength
            ? Problems.Invalid("reason", $"1 to {FeedbackTicket.BodyMaxLength} characters. 请说明重新打开的原因。")
            : await ActAsync(id, context, (t, actor, calendar, now) => t.Reopen(actor.Subject, request.Reason.Trim(), calendar, context.Settings.TicketReplyDays, now));

    private static bool Sees(RequestContext context, FeedbackTicket ticket) =>
        ticket.RequesterId == context.User.FindFirstValue("sub") || ticket.OpenedById == context.User.FindFirstValue("sub") || context.User.ActsFor(ticket.Department);

    /// <summary>One step on a ticket the caller sees; closing it raises <c>FeedbackTicketResolved</c>.</summary>
    private static async Task<TicketResult> ActAsync(Guid id, RequestContext context, Func<FeedbackTicket, CaseActor, WorkingCalendar, DateTimeOffset, Refusal?> act)
    {
        var (db, ct) = (context.Db, context.Cancellation);
        var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (ticket is null || !Sees(context, ticket))
        {
            return TypedResults.NotFound();
        }

        var now = context.Time.GetUtcNow();
        var calendar = await CalendarCopy.CalendarAsync(db, ct);
        var (before, from) = (ticket.State, ticket.Department);
        if (act(ticket, Actors.ActorOf(context.User), calendar, now) is { } refusal)
        {
            return refusal.InState(ticket.State).ToProblem();
        }

        if (ticket.State == TicketState.Closed)
        {
            db.RecordEvent(TicketEvents.Resolved(ticket, now));
        }
        else if (ticket.State == TicketState.Replied && before != TicketState.Replied)
        {
            db.RecordEvent(TicketEvents.Replied(ticket, now));
        }
        else if (ticket.Department != from)
        {
            db.RecordEvent(TicketEvents.Transferred(ticket, from, ticket.TransferReason!, now));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Of(StatusCodes.Status409Conflict, "The ticket changed meanwhile; reload it. 工单已被更新，请刷新后重试。");
        }

        return TypedResults.Ok(View(ticket, WorkingCalendar.Today(now)));
    }

    private static async Task<Paged<TicketView>> PageAsync(IQueryable<FeedbackTicket> query, Page page, RequestContext context)
    {
        var total = await query.CountAsync(context.Cancellation);
        var tickets = await query.Skip(page.Skip).Take(page.Size).ToListAsync(context.Cancellation);
        var today = WorkingCalendar.Today(context.Time.GetUtcNow());
        return page.Of([.. tickets.Select(t => View(t, today))], total);
    }
}
