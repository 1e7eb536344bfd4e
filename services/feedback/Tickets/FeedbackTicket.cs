using Talent.Http;
using Talent.WorkingDays;

namespace Talent.Feedback.Tickets;

/// <summary>
/// A ticket of the problem-feedback window (问题反馈窗口): opened by a person, routed to a department (by its application,
/// its item or its category), owned by the first staff member who takes it up (first-ask ownership), replied to within
/// a deadline in working days; the person confirms, or reopens within the confirmation period (then it needs a new
/// reply); unconfirmed replies close as confirmed when the period ends. Every step is in the history. Pure.
/// </summary>
public sealed partial class FeedbackTicket
{
    public const int TitleMaxLength = 100;
    public const int BodyMaxLength = 2000;
    public const int ReasonMaxLength = 500;
    public const int ContactMaxLength = 40;

    /// <summary>After this many transfers only an operator passes the ticket on (no ping-pong between departments).</summary>
    public const int MaxTransfersByStaff = 3;

    /// <summary>The channels: the person online, or staff for a walk-in person at a service point's window or on the telephone.</summary>
    public static readonly string[] Channels = ["online", "window", "phone"];

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string Number { get; private set; } = "";

    public TicketKind Kind { get; private set; }

    public string Category { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Body { get; private set; } = "";

    public string? ItemCode { get; private set; }

    public Guid? ApplicationId { get; private set; }

    public string RequesterId { get; private set; } = "";

    public string RequesterName { get; private set; } = "";

    /// <summary>"online" (the person), "window" or "phone" (staff for a walk-in person, who has no account here).</summary>
    public string Channel { get; private set; } = "online";

    /// <summary>How staff reach a walk-in person with the reply (their telephone); none online.</summary>
    public string? Contact { get; private set; }

    /// <summary>The staff member who opened it at the window or on the telephone: they follow it wherever it goes.</summary>
    public string? OpenedById { get; private set; }

    public string? OpenedByName { get; private set; }

    public string Department { get; private set; } = "";

    /// <summary>How it was routed: "application", "item" or "category".</summary>
    public string RoutedBy { get; private set; } = "";

    public string? OwnerId { get; private set; }

    public string? OwnerName { get; private set; }

    public TicketState State { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public DateOnly ReplyDueOn { get; private set; }

    /// <summary>The first reply date promised, before any transfer or reopening moved it.</summary>
    public DateOnly FirstDueOn { get; private set; }

    /// <summary>The day the current reply clock started, why ("opened", "reopened", "transferred"), and its working days.</summary>
    public DateOnly ClockStart { get; private set; }

    public string ClockCause { get; private set; } = "opened";

    public int ClockDays { get; private set; }

    /// <summary>How often it was passed on to another department.</summary>
    public int Transfers { get; private set; }

    /// <summary>The reason given for the transfer just made, for its event (not stored: the history keeps it).</summary>
    public string? TransferReason { get; private set; }

    public string? Reply { get; private set; }

    public DateTimeOffset? RepliedAt { get; private set; }

    /// <summary>The last day the person may reopen a reply.</summary>
    public DateOnly? ConfirmBy { get; private set; }

    public int Reopened { get; private set; }

    /// <summary>A reply came after its deadline.</summary>
    public bool RepliedLate { get; private set; }

    /// <summary>"confirmed" (by the person) or "confirmedByTime" (the period ended) once closed.</summary>
    public string? Resolution { get; private set; }

    public bool? Satisfied { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public List<TicketStep> History { get; private set; } = [];

    private FeedbackTicket()
    {
    }

    public static FeedbackTicket Open(string number, TicketKind kind, string category, string title, string body, string? itemCode, Guid? applicationId,
        string requesterId, string requesterName, string department, string routedBy, WorkingCalendar calendar, int replyDays, DateTimeOffset now, WalkIn? walkIn = null)
    {
        var today = WorkingCalendar.Today(now);
        var ticket = new FeedbackTicket
        {
            Number = number,
            Kind = kind,
            Category = category,
            Title = title,
            Body = body,
            ItemCode = itemCode,
            ApplicationId = applicationId,
            RequesterId = requesterId,
            RequesterName = requesterName,
            Department = department,
            RoutedBy = routedBy,
            State = TicketState.Open,
            OpenedAt = now,
            ReplyDueOn = calendar.AddWorkingDays(today, replyDays),
            ClockStart = today,
            ClockDays = replyDays,
        };
        ticket.FirstDueOn = ticket.ReplyDueOn;
        if (walkIn is null)
        {
            ticket.History.Add(new TicketStep(now, requesterId, requesterName, "open", TicketState.Open, TicketState.Open, $"→ {department} ({routedBy})"));
            return ticket;
        }

        ticket.Channel = walkIn.Channel;
        ticket.Contact = walkIn.Contact;
        ticket.OpenedById = walkIn.Staff.Subject;
        ticket.OpenedByName = walkIn.Staff.Name;
        ticket.History.Add(new TicketStep(now, walkIn.Staff.Subject, walkIn.Staff.Name, "open", TicketState.Open, TicketState.Open,
            $"{(walkIn.Channel == "window" ? "窗口 window" : "电话 phone")}: {requesterName} → {department} ({routedBy})"));
        if (walkIn.Staff.IsStaff && walkIn.Staff.Department == department)
        {
            // First ask: the staff member who received the person owns a ticket of their own department at once.
            ticket.OwnerId = walkIn.Staff.Subject;
            ticket.OwnerName = walkIn.Staff.Name;
        }

        return ticket;
    }

    public bool IsOverdue(DateOnly today) => State == TicketState.Open && ReplyDueOn < today;

    /// <summary>The department's staff take the ticket up: the first becomes its owner (first-ask ownership).</summary>
    public Refusal? Take(CaseActor actor, DateTimeOffset now)
    {
        if (RefuseStaff(actor) is { } refusal)
        {
            return refusal;
        }

        if (State == TicketState.Closed)
        {
            return Refusal.Conflict("The ticket is closed. 工单已关闭。");
        }

        if (OwnerId is not null)
        {
            return OwnerId == actor.Subject ? null : Refusal.Conflict($"Owned by {OwnerName}. 该工单已由 {OwnerName} 负责。");
        }

        OwnerId = actor.Subject;
        OwnerName = actor.Name;
        History.Add(new TicketStep(now, actor.Subject, actor.Name, "take", State, State, null));
        return null;
    }

    /// <summary>Open → Replied by the owner (a staff member of the department takes it up by replying when nobody owns it).</summary>
    public Refusal? Answer(CaseActor actor, string reply, WorkingCalendar calendar, int confirmDays, DateTimeOffset now)
    {
        if (Take(actor, now) is { } refusal)
        {
            return refusal;
        }

        if (State != TicketState.Open)
        {
            return Refusal.Conflict("Replied already: waiting for the person to confirm or reopen. 已答复，待反馈人确认。");
        }

        var today = WorkingCalendar.Today(now);
        RepliedLate |= today > ReplyDueOn;
        Reply = reply;
        RepliedAt = now;
        ConfirmBy = calendar.AddWorkingDays(today, confirmDays);
        History.Add(new TicketStep(now, actor.Subject, actor.Name, "reply", State, TicketState.Replied, reply));
        State = TicketState.Replied;
        return null;
    }

    /// <summary>Replied → Closed by the person.</summary>
    public Refusal? Confirm(string subject, bool? satisfied, string? note, DateTimeOffset now)
    {
        if (subject != RequesterId)
        {
            return Refusal.NotFound("Not found.");
        }

        if (State != TicketState.Replied)
        {
            return Refusal.Conflict("Only a replied ticket can be confirmed. 工单尚未答复或已关闭。");
        }

        Satisfied = satisfied;
        Close(subject, RequesterName, "confirmed", note, now);
        return null;
    }

    /// <summary>Replied → Open again by the person, within the confirmation period; the owner must reply again.</summary>
    public Refusal? Reopen(string subject, string reason, WorkingCalendar calendar, int replyDays, DateTimeOffset now)
    {
        return subject != RequesterId ? Refusal.NotFound("Not found.") : ReopenAs(subject, RequesterName, reason, calendar, replyDays, now);
    }

    private Refusal? ReopenAs(string actorId, string actorName, string reason, WorkingCalendar calendar, int replyDays, DateTimeOffset now)
    {
        var today = WorkingCalendar.Today(now);
        if (State != TicketState.Replied)
        {
            return Refusal.Conflict("Only a replied ticket can be reopened. 仅已答复的工单可重新打开。");
        }

        if (today > ConfirmBy)
        {
            return Refusal.Conflict($"The period to reopen ended on {ConfirmBy:yyyy-MM-dd}. 重新打开期限已于 {ConfirmBy:yyyy-MM-dd} 结束。");
        }

        Reopened++;
        RestartClock(calendar, today, replyDays, "reopened");
        ConfirmBy = null;
        History.Add(new TicketStep(now, actorId, actorName, "reopen", State, TicketState.Open, reason));
        State = TicketState.Open;
        return null;
    }

    /// <summary>Closes a reply the person neither confirmed nor reopened within the period; false when not due.</summary>
    public bool CloseUnconfirmed(DateTimeOffset now)
    {
        if (State != TicketState.Replied || ConfirmBy is not { } by || WorkingCalendar.Today(now) <= by)
        {
            return false;
        }

        Close("system", "系统 System", "confirmedByTime", $"No reopening by {by:yyyy-MM-dd}. 期满未重新打开，视为确认。", now);
        return true;
    }

    private void Close(string actorId, string actorName, string resolution, string? note, DateTimeOffset now)
    {
        History.Add(new TicketStep(now, actorId, actorName, resolution == "confirmed" ? "confirm" : "close", State, TicketState.Closed, note));
        State = TicketState.Closed;
        Resolution = resolution;
        ClosedAt = now;
    }

    private Refusal? RefuseStaff(CaseActor actor) =>
        (actor.IsStaff && string.Equals(actor.Department, Department, StringComparison.Ordinal)) || (actor.IsOperator && Department == TicketRouting.Platform)
            ? null
            : Refusal.Forbidden($"Only staff of {Department} handle this ticket. 仅 {Department} 工作人员可处理此工单。");
}
