using Talent.Http;
using Talent.WorkingDays;

namespace Talent.Feedback.Tickets;

/// <summary>
/// The window offline and the transfers of <see cref="FeedbackTicket"/>: a walk-in person's ticket (channel, contact, the
/// staff member who received them), passing a misrouted ticket on with a fresh, explained reply clock, and staff recording
/// the walk-in person's answer to the reply.
/// </summary>
public sealed partial class FeedbackTicket
{
    /// <summary>A walk-in person's ticket: the channel, their contact, and the staff member who received them.</summary>
    public sealed record WalkIn(string Channel, string Contact, CaseActor Staff);

    /// <summary>Why the ticket is due when it is, in Chinese and English.</summary>
    public (string Zh, string En) Clock
    {
        get
        {
            var (zh, en) = ClockCause switch
            {
                "transferred" => ("转办之日", "the transfer to " + Department),
                "reopened" => ("重新打开之日", "the reopening"),
                _ => ("提交之日", "opening"),
            };
            var first = FirstDueOn == ReplyDueOn ? ("", "") : ($"（首次承诺 {FirstDueOn:yyyy-MM-dd}）", $" (first promised {FirstDueOn:yyyy-MM-dd})");
            return ($"答复期限 {ReplyDueOn:yyyy-MM-dd}：自{zh} {ClockStart:yyyy-MM-dd} 起 {ClockDays} 个工作日{first.Item1}。",
                $"Reply due {ReplyDueOn:yyyy-MM-dd}: {ClockDays} working days from {en} on {ClockStart:yyyy-MM-dd}{first.Item2}.");
        }
    }

    /// <summary>
    /// Passes an open ticket to the department it belongs to, with the reason: its owner (or, while nobody owns it, its
    /// department's staff) or an operator; after <see cref="MaxTransfersByStaff"/> transfers only an operator. The receiving
    /// department has the full reply time from today; nobody owns it there until someone takes it up.
    /// </summary>
    public Refusal? Transfer(CaseActor actor, string toDepartment, string reason, WorkingCalendar calendar, int replyDays, DateTimeOffset now)
    {
        if (!actor.IsOperator && RefuseStaff(actor) is { } refusal)
        {
            return refusal;
        }

        if (State != TicketState.Open)
        {
            return Refusal.Conflict("Only a ticket waiting for a reply is passed on. 仅待答复的工单可以转办。");
        }

        if (!actor.IsOperator && OwnerId is not null && OwnerId != actor.Subject)
        {
            return Refusal.Conflict($"Owned by {OwnerName}: only they pass it on. 该工单由 {OwnerName} 负责，须由其转办。");
        }

        if (!actor.IsOperator && Transfers >= MaxTransfersByStaff)
        {
            return Refusal.Conflict($"Passed on {Transfers} times already: an operator routes it now. 已转办 {Transfers} 次，请由平台运营人员统筹交办。");
        }

        if (toDepartment == Department)
        {
            return Refusal.Conflict($"The ticket is with {Department} already. 工单已在 {Department}。");
        }

        var today = WorkingCalendar.Today(now);
        History.Add(new TicketStep(now, actor.Subject, actor.Name, "transfer", State, State, $"{Department} → {toDepartment}: {reason}"));
        Department = toDepartment;
        RoutedBy = "transfer";
        OwnerId = null;
        OwnerName = null;
        Transfers++;
        TransferReason = reason;
        RestartClock(calendar, today, replyDays, "transferred");
        return null;
    }

    /// <summary>Staff record what a walk-in person said about the reply: satisfied or not, and the ticket closes.</summary>
    public Refusal? RecordConfirmation(CaseActor actor, bool? satisfied, string? note, DateTimeOffset now)
    {
        if (RefuseRecording(actor) is { } refusal)
        {
            return refusal;
        }

        if (State != TicketState.Replied)
        {
            return Refusal.Conflict("Only a replied ticket can be confirmed. 工单尚未答复或已关闭。");
        }

        Satisfied = satisfied;
        Close(actor.Subject, actor.Name, "confirmed", $"{(Channel == "window" ? "窗口记录" : "电话记录")} {RequesterName}: {note}".TrimEnd(' ', ':'), now);
        return null;
    }

    /// <summary>Staff record that a walk-in person is not satisfied with the reply, within the confirmation period.</summary>
    public Refusal? RecordReopening(CaseActor actor, string reason, WorkingCalendar calendar, int replyDays, DateTimeOffset now) =>
        RefuseRecording(actor) ?? ReopenAs(actor.Subject, actor.Name, $"{RequesterName}: {reason}", calendar, replyDays, now);

    private Refusal? RefuseRecording(CaseActor actor) =>
        Channel == "online" ? Refusal.Conflict("The person confirms an online ticket themselves. 网上提交的工单由本人确认。")
        : actor.Subject == OpenedById ? null
        : RefuseStaff(actor);

    private void RestartClock(WorkingCalendar calendar, DateOnly today, int replyDays, string cause)
    {
        ReplyDueOn = calendar.AddWorkingDays(today, replyDays);
        ClockStart = today;
        ClockDays = replyDays;
        ClockCause = cause;
    }
}
