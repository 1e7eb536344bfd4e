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
    bool ToDepartment = false,
    string? NoteEn = null,
    string? Next = null);

/// <summary>A message as the person reads it: what happened, what to do next, and by which date (null when nothing is due).</summary>
public sealed record WrittenMessage(string Title, string Body, string NextStep, DateOnly? By);

/// <summary>
/// The messages in Chinese and English. Each says what happened, what to do next and by which date; pure functions of the
/// facts and the language, so every kind is tested in both languages without I/O.
/// </summary>
public static partial class Templates
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
            NotificationKinds.Refused => new(
                $"申请 {f.Reference} 不予受理",
                $"您申请的{item}（{f.Reference}）不予受理。理由：{f.Note}",
                "如补齐条件可重新申请；如有异议，可通过问题反馈窗口提出。",
                null),
            NotificationKinds.Milestone => new(
                $"服务进展：{MilestoneZh(f.Stage)}",
                $"为您服务的{TeamZh(f.Team)}已记录“{MilestoneZh(f.Stage)}”（{f.Reference}）。{(f.Note is null ? "" : $"结果：{f.Note}")}",
                f.Next is null ? "无需操作；进展可在门户查看。" : $"无需操作；下一步为“{MilestoneZh(f.Next)}”，进展可在门户查看。",
                null),
            NotificationKinds.EngagementClosed => new(
                $"服务对接已结束（{f.Reference}）",
                $"为您服务的{TeamZh(f.Team)}已结束本次服务（{f.Reference}）。{(f.Note is null ? "" : $"结果：{f.Note}")}",
                $"请在 {by} 前对本次服务作出评价（好差评）。",
                f.By),
            NotificationKinds.Suggested => new(
                "平台为您推荐一项服务",
                $"{f.Note}（推荐编号 {f.Reference}{(f.ItemCode.Length == 0 ? "" : $"，事项：{item}")}）",
                "请登录门户，在“为您推荐”中查看；不需要可忽略或关闭。",
                null),
            NotificationKinds.RectificationOpened => new(
                $"差评整改：{item}",
                $"{(f.ToDepartment ? "贵部门办理的" : "您办理的")}{item}收到一条{LevelZh(f.Note)}评价，已立整改案件（{f.Reference}）。",
                $"请在 {by} 前完成核实，再按整改、回访办理。",
                f.By),
            NotificationKinds.TicketOpened => new(
                $"新的问题反馈 {f.Reference}",
                $"问题反馈窗口收到一件转至{(f.ToDepartment ? "贵部门" : "您")}的{TicketKindZh(f.Stage)}（{f.Reference}）{(f.ItemCode.Length == 0 ? "" : $"，涉及{item}")}。",
                $"请认领并在 {by} 前答复。",
                f.By),
            NotificationKinds.BookingDecided => new(
                f.Approved == true ? $"场地预约已确认：{item}" : $"场地预约未能安排：{item}",
                f.Approved == true ? $"您预约的{item}（{by} {f.Stage}，预约号 {f.Reference}）已确认。" : $"您预约的{item}（{by} {f.Stage}，预约号 {f.Reference}）未能安排。原因：{f.Note}",
                f.Approved == true ? "请按时到场；如不能前往，请在开始前取消。" : "可另选时间或场地重新预约。",
                f.Approved == true ? f.By : null),
            NotificationKinds.BookingReminder => new(
                $"明日场地预约提醒：{item}",
                $"您预约的{item}将于 {by} {f.Stage} 使用（预约号 {f.Reference}）。",
                "请按时到场；如不能前往，请在开始前取消。",
                f.By),
            NotificationKinds.TicketTransferred => new(
                $"转办的问题反馈 {f.Reference}",
                $"问题反馈 {f.Reference} 由 {f.Stage} 转至贵部门，理由：{f.Note}",
                $"请认领并在 {by} 前答复（自转办之日起计）。",
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
        "market" => "市场服务机构",
        _ => "服务专员",
    };

    private static string TeamEn(string? team) => team switch
    {
        "commissioner" => "policy service commissioner",
        "butler" => "talent butler",
        "broker" => "tech broker",
        "market" => "market service organisation",
        _ => "service provider",
    };

    private static string MilestoneZh(string? milestone) => milestone switch
    {
        "firstContact" => "首次联系",
        "planAgreed" => "确定服务方案",
        "serviceDelivered" => "服务完成",
        "outcomeRecorded" => "记录成效",
        "closed" => "结束服务",
        _ => "新的进展",
    };

    private static string MilestoneEn(string? milestone) => milestone switch
    {
        "firstContact" => "first contact",
        "planAgreed" => "plan agreed",
        "serviceDelivered" => "service delivered",
        "outcomeRecorded" => "outcome recorded",
        "closed" => "closed",
        _ => "a new step",
    };

    private static string LevelZh(string? level) => level == "veryDissatisfied" ? "“非常不满意”" : "“不满意”";

    private static string LevelEn(string? level) => level == "veryDissatisfied" ? "very dissatisfied" : "dissatisfied";

    private static string TicketKindZh(string? kind) => kind switch
    {
        "complaint" => "投诉",
        "suggestion" => "建议",
        "demand" => "诉求",
        _ => "咨询",
    };

    private static string TicketKindEn(string? kind) => kind switch
    {
        "complaint" => "complaint",
        "suggestion" => "suggestion",
        "demand" => "demand",
        _ => "question",
    };

    private static string DeadlineZh(string? deadline) => deadline == "acceptance" ? "受理" : "办结";

    private static string DeadlineEn(string? deadline) => deadline == "acceptance" ? "acceptance" : "decision";
}
