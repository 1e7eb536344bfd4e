using System.Globalization;
using Talent.Notifications.People;

namespace Talent.Notifications.Messages;

/// <summary>The messages in English (the Chinese ones and the shared wording helpers are in Templates.cs).</summary>
public static partial class Templates
{
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
            NotificationKinds.Refused => new(
                $"Application {f.Reference} not accepted",
                $"Your application for {item} ({f.Reference}) was not accepted. Reasons: {f.Note}",
                "You may apply again once the conditions are met; if you disagree, raise it at the problem-feedback window.",
                null),
            NotificationKinds.Milestone => new(
                $"Progress: {MilestoneEn(f.Stage)}",
                $"The {TeamEn(f.Team)} serving you recorded \u201C{MilestoneEn(f.Stage)}\u201D ({f.Reference}).{(f.Note is null ? "" : $" Outcome: {f.Note}")}",
                f.Next is null ? "Nothing to do; follow it in the portal." : $"Nothing to do; next comes \u201C{MilestoneEn(f.Next)}\u201D; follow it in the portal.",
                null),
            NotificationKinds.EngagementClosed => new(
                $"Engagement closed ({f.Reference})",
                $"The {TeamEn(f.Team)} serving you closed the engagement ({f.Reference}).{(f.Note is null ? "" : $" Outcome: {f.Note}")}",
                $"Please rate the service (good/bad review) by {by}.",
                f.By),
            NotificationKinds.Suggested => new(
                "A suggestion for you",
                $"{f.NoteEn ?? f.Note} (suggestion {f.Reference}{(f.ItemCode.Length == 0 ? "" : $"; item: {item}")})",
                "Sign in to the portal and see it under Suggestions; dismiss it if you do not need it.",
                null),
            NotificationKinds.RectificationOpened => new(
                $"Bad review to rectify: {item}",
                $"{(f.ToDepartment ? "A service of your department" : "A case you handled")}, {item}, was rated {LevelEn(f.Note)}; a rectification case was opened ({f.Reference}).",
                $"Verify it by {by}, then rectify and make the return visit.",
                f.By),
            NotificationKinds.TicketOpened => new(
                $"New ticket {f.Reference}",
                $"The problem-feedback window routed a {TicketKindEn(f.Stage)} ({f.Reference}) to {(f.ToDepartment ? "your department" : "you")}{(f.ItemCode.Length == 0 ? "" : $", about {item}")}.",
                $"Claim it and reply by {by}.",
                f.By),
            NotificationKinds.BookingDecided => new(
                f.Approved == true ? $"Booking confirmed: {item}" : $"Booking not possible: {item}",
                f.Approved == true ? $"Your booking of {item} ({by}, {f.Stage}; booking {f.Reference}) is confirmed." : $"Your booking of {item} ({by}, {f.Stage}; booking {f.Reference}) could not be arranged. Reason: {f.Note}",
                f.Approved == true ? "Come on time; if you cannot, cancel it before it starts." : "Book another time or venue.",
                f.Approved == true ? f.By : null),
            NotificationKinds.BookingReminder => new(
                $"Tomorrow: {item}",
                $"Your booking of {item} is on {by}, {f.Stage} (booking {f.Reference}).",
                "Come on time; if you cannot, cancel it before it starts.",
                f.By),
            NotificationKinds.TicketTransferred => new(
                $"Ticket {f.Reference} passed on to you",
                $"{f.Stage} passed ticket {f.Reference} on to your department. Reason: {f.Note}",
                $"Claim it and reply by {by} (counted from the transfer).",
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
}
