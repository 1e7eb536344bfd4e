using System.Globalization;
using Talent.Notifications.People;

namespace Talent.Notifications.Messages;

/// <summary>What a message is written from: the facts of the event, the item's names from the catalogue copy.</summary>
public sealed record MessageFacts(
    string Kind,
    string Reference,
    string ItemCode,
    string? ItemTitleZh,
    string? ItemTitleEn,
    DateOnly? By = null,
    string? Note = null,
    bool? Approved = null,
    string? Deadline = null,
    string? OwnerName = null,
    string? Stage = null,
    string? Team = null,
    bool ToDepartment = false);

/// <summary>A message as the person reads it: what happened, what to do next, and by which date (null when nothing is due).</summary>
public sealed record WrittenMessage(string Title, string Body, string NextStep, DateOnly? By);

/// <summary>
/// The messages in Chinese and English. Each says what happened, what to do next and by which date; pure functions of the
/// facts and the language, so every kind is tested in both languages without I/O.
/// </summary>
public static class Templates
{
    public static WrittenMessage Write(MessageFacts facts, string language) =>
        Languages.Of(language) == Languages.English ? English(facts) : Chinese(facts);

    private static WrittenMessage Chinese(MessageFacts f)
    {
        var item = $"“{f.ItemTitleZh ?? f.ItemCode}”";
        var by = f.By is { } d ? $"{d.Year}年{d.Month}月{d.Day}日" : null;
        return f.Kind switch
        {
            NotificationKinds.SupplementRequested => new(
                $"申请 {f.Reference} 需补正材料",
                $"您申请的{item}（{f.Reference}）经审查需要补正材料。工作人员意见：{f.Note}",
                "请登录门户，按意见补充材料后重新提交；受理时限自重新提交之日起重新计算。",
                null),
            NotificationKinds.Accepted => new(
                $"申请 {f.Reference} 已受理",
                $"您申请的{item}（{f.Reference}）已受理，负责人为{f.OwnerName ?? "承办部门工作人员"}。",
                $"无需操作；承诺于 {by} 前办结，进度可在门户查看。",
                f.By),
            NotificationKinds.Decided when f.Approved == true => new(
                $"申请 {f.Reference} 已办结：准予",
                $"您申请的{item}（{f.Reference}）已办结，结果为准予。{f.Note}",
                $"请在 {by} 前对本次服务作出评价（好差评）。",
                f.By),
            NotificationKinds.Decided => new(
                $"申请 {f.Reference} 已办结：不予准予",
                $"您申请的{item}（{f.Reference}）已办结，结果为不予准予。理由：{f.Note}",
                $"如有异议，可通过问题反馈窗口提出；请在 {by} 前对本次服务作出评价（好差评）。",
                f.By),
            NotificationKinds.DueSoon => new(
                $"案件 {f.Reference} 即将到期",
                $"{(f.ToDepartment ? "贵部门尚无负责人的" : "您负责的")}{item}（{f.Reference}）{DeadlineZh(f.Deadline)}时限将于 {by} 届满。",
                $"请在 {by} 前完成{DeadlineZh(f.Deadline)}。",
                f.By),
            NotificationKinds.RectificationOverdue => new(
                $"差评整改案件{StageZh(f.Stage)}阶段已超期",
                $"您负责的差评整改案件（{f.Reference}）{StageZh(f.Stage)}阶段的时限已于 {by} 届满，尚未完成。",
                "请于今日办理该阶段，并在案件中说明延误原因；运营人员将跟进。",
                null),
            NotificationKinds.TicketReplied => new(
                $"您的反馈 {f.Reference} 已答复",
                $"您提交的问题反馈（{f.Reference}）已由承办部门答复。",
                $"请登录门户查看答复，并在 {by} 前确认是否满意或重新打开；逾期视为确认。",
                f.By),
            NotificationKinds.Proposed => new(
                $"新的服务对接提议（{f.Reference}）",
                $"平台为您匹配了一项人才或企业的服务需求（{f.Reference}），匹配分 {f.Note}。",
                "请登录门户，在“服务对接 - 提议”中查看并接受或拒绝；接受后须按时限首次联系对方。",
                null),
            NotificationKinds.EngagementStarted => new(
                $"{TeamZh(f.Team)}已受理您的需求",
                $"一位{TeamZh(f.Team)}已接受为您服务（{f.Reference}）。",
                $"对方将在 {by} 前与您首次联系；如届时未联系，请通过问题反馈窗口告诉我们。",
                f.By),
            NotificationKinds.Overdue => new(
                $"案件 {f.Reference} 已超期",
                $"{(f.ToDepartment ? "贵部门尚无负责人的" : "您负责的")}{item}（{f.Reference}）{DeadlineZh(f.Deadline)}时限已于 {by} 届满，尚未完成。",
                "请于今日办理，并在案件中说明延误原因。",
                null),
            _ => throw new ArgumentOutOfRangeException(nameof(f), f.Kind, "No template for this kind."),
        };
    }

    private static WrittenMessage English(MessageFacts f)
    {
        var item = $"\u201C{f.ItemTitleEn ?? f.ItemTitleZh ?? f.ItemCode}\u201D";
        var by = f.By is { } d ? d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : null;
        return f.Kind switch
        {
            NotificationKinds.SupplementRequested => new(
                $"Application {f.Reference}: materials to supplement",
                $"Your application for {item} ({f.Reference}) needs further materials. The officer's note: {f.Note}",
                "Sign in to the portal, add the materials asked for and submit again; the acceptance time limit starts again when you do.",
                null),
            NotificationKinds.Accepted => new(
                $"Application {f.Reference} accepted",
                $"Your application for {item} ({f.Reference}) has been accepted; {f.OwnerName ?? "an officer of the department"} owns your case.",
                $"Nothing to do: a decision is promised by {by}; follow it in the portal.",
                f.By),
            NotificationKinds.Decided when f.Approved == true => new(
                $"Application {f.Reference} decided: approved",
                $"Your application for {item} ({f.Reference}) has been decided: approved. {f.Note}",
                $"Please rate the service (good/bad review) by {by}.",
                f.By),
            NotificationKinds.Decided => new(
                $"Application {f.Reference} decided: not approved",
                $"Your application for {item} ({f.Reference}) has been decided: not approved. Reasons: {f.Note}",
                $"If you disagree, raise it at the problem-feedback window; please rate the service by {by}.",
                f.By),
            NotificationKinds.DueSoon => new(
                $"Case {f.Reference} due soon",
                $"The {DeadlineEn(f.Deadline)} time limit of {item} ({f.Reference}), {(f.ToDepartment ? "a case of your department with no owner yet" : "a case you own")}, ends on {by}.",
                $"Complete the {DeadlineEn(f.Deadline)} by {by}.",
                f.By),
            NotificationKinds.RectificationOverdue => new(
                $"Rectification case: {StageEn(f.Stage)} overdue",
                $"The {StageEn(f.Stage)} stage of the rectification case ({f.Reference}) of a bad review, a case you own, ended on {by} and it is not done.",
                "Complete the stage today and record the reason for the delay on the case; operators will follow it up.",
                null),
            NotificationKinds.TicketReplied => new(
                $"Your ticket {f.Reference} has a reply",
                $"The department has replied to the ticket you raised ({f.Reference}).",
                $"Read the reply in the portal and confirm whether you are satisfied, or reopen it, by {by}; after that it counts as confirmed.",
                f.By),
            NotificationKinds.Proposed => new(
                $"New proposal ({f.Reference})",
                $"The platform matched you with a talent's or an enterprise's demand ({f.Reference}), scoring {f.Note}.",
                "Sign in to the portal and accept or decline it under Matching, Proposals; once accepted, first contact is due within its time limit.",
                null),
            NotificationKinds.EngagementStarted => new(
                $"A {TeamEn(f.Team)} has taken up your demand",
                $"A {TeamEn(f.Team)} has agreed to serve you ({f.Reference}).",
                $"They will first contact you by {by}; if they have not, tell us at the problem-feedback window.",
                f.By),
            NotificationKinds.Overdue => new(
                $"Case {f.Reference} overdue",
                $"The {DeadlineEn(f.Deadline)} time limit of {item} ({f.Reference}), {(f.ToDepartment ? "a case of your department with no owner yet" : "a case you own")}, ended on {by} and it is not done.",
                "Handle it today and record the reason for the delay on the case.",
                null),
            _ => throw new ArgumentOutOfRangeException(nameof(f), f.Kind, "No template for this kind."),
        };
    }

    private static string StageZh(string? stage) => stage switch
    {
        "Raised" or "Verifying" => "核实",
        "Rectifying" => "整改",
        "ReturnVisit" => "回访",
        _ => stage ?? "",
    };

    private static string StageEn(string? stage) => stage switch
    {
        "Raised" or "Verifying" => "verification",
        "Rectifying" => "rectification",
        "ReturnVisit" => "return visit",
        _ => stage ?? "",
    };

    private static string TeamZh(string? team) => team switch
    {
        "commissioner" => "人才服务专员",
        "butler" => "人才管家",
        "broker" => "科创经纪人",
        _ => "服务专员",
    };

    private static string TeamEn(string? team) => team switch
    {
        "commissioner" => "policy service commissioner",
        "butler" => "talent butler",
        "broker" => "tech broker",
        _ => "service provider",
    };

    private static string DeadlineZh(string? deadline) => deadline == "acceptance" ? "受理" : "办结";

    private static string DeadlineEn(string? deadline) => deadline == "acceptance" ? "acceptance" : "decision";
}
