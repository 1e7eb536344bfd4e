namespace Talent.Notifications.Messages;

/// <summary>What a notification is about; people choose channels per kind (in-app is always on).</summary>
public static class NotificationKinds
{
    /// <summary>The applicant: the application was returned for supplement (补正).</summary>
    public const string SupplementRequested = "supplementRequested";

    /// <summary>The applicant: the application was accepted (受理), with its owner and decision deadline.</summary>
    public const string Accepted = "accepted";

    /// <summary>The applicant: the application was decided (办结), and the invitation to rate it (好差评).</summary>
    public const string Decided = "decided";

    /// <summary>The case owner: a deadline is one working day away.</summary>
    public const string DueSoon = "dueSoon";

    /// <summary>The case owner: a deadline passed.</summary>
    public const string Overdue = "overdue";

    /// <summary>The rectification case's owner: a stage of a bad review's rectification passed its deadline.</summary>
    public const string RectificationOverdue = "rectificationOverdue";

    /// <summary>The person served: a commissioner, butler or broker took their demand up, first contact due by a date.</summary>
    public const string EngagementStarted = "engagementStarted";

    /// <summary>A commissioner, butler or broker: a demand was proposed to them, to accept or decline.</summary>
    public const string Proposed = "proposed";

    /// <summary>The person who raised a ticket: the department replied; confirm or reopen by a date.</summary>
    public const string TicketReplied = "ticketReplied";

    /// <summary>The applicant: the application was not accepted (不予受理), with the department's reason.</summary>
    public const string Refused = "refused";

    /// <summary>The person served: the provider reached a milestone of the engagement (first contact, plan, delivery, outcome).</summary>
    public const string Milestone = "milestone";

    /// <summary>The person served: the engagement was closed; rate it (好差评) by a date.</summary>
    public const string EngagementClosed = "engagementClosed";

    /// <summary>A talent or an enterprise: the platform suggests an item or providers who can help (主动感知).</summary>
    public const string Suggested = "suggested";

    /// <summary>The served case's owner (else the department's staff): a bad review opened a rectification case; verify by a date.</summary>
    public const string RectificationOpened = "rectificationOpened";

    /// <summary>The department's staff (or the owner of the case it is about): a ticket reached the feedback window; reply by a date.</summary>
    public const string TicketOpened = "ticketOpened";

    /// <summary>The receiving department's staff: a ticket was passed on to them with a reason; reply by a date counted from the transfer.</summary>
    public const string TicketTransferred = "ticketTransferred";

    /// <summary>A booker: the one-stop complex confirmed or declined their booking of a venue.</summary>
    public const string BookingDecided = "bookingDecided";

    /// <summary>A booker: a confirmed booking of a venue starts within a day.</summary>
    public const string BookingReminder = "bookingReminder";

    public static readonly string[] All =
        [SupplementRequested, Accepted, Refused, Decided, DueSoon, Overdue, RectificationOpened, RectificationOverdue, EngagementStarted, Milestone, EngagementClosed,
         Proposed, Suggested, TicketOpened, TicketTransferred, TicketReplied, BookingDecided, BookingReminder];
}
