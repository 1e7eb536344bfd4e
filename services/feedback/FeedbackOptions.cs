namespace Talent.Feedback;

/// <summary>The <c>Feedback</c> configuration section. Periods in working days are counted in the zone's working-day calendar.</summary>
public sealed class FeedbackOptions
{
    /// <summary>How long a decided service or a closed engagement may be rated.</summary>
    public TimeSpan EvaluationOpenFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Working days from a bad review to the end of verification.</summary>
    public int VerifyDays { get; set; } = 1;

    /// <summary>Working days from verification to the end of rectification.</summary>
    public int RectifyDays { get; set; } = 5;

    /// <summary>Working days from rectification to the return visit (回访).</summary>
    public int ReturnVisitDays { get; set; } = 2;

    /// <summary>Working days for the owner to reply to a ticket (again after a reopening).</summary>
    public int TicketReplyDays { get; set; } = 3;

    /// <summary>Working days the person has to confirm or reopen a reply; then the ticket closes as confirmed.</summary>
    public int TicketConfirmDays { get; set; } = 5;

    /// <summary>How often overdue rectifications are flagged and unconfirmed tickets closed.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Ticket category → department; added to and overriding <see cref="Tickets.TicketRouting.Defaults"/>.</summary>
    public Dictionary<string, string> TicketRouting { get; set; } = [];

    /// <summary>How often the figure deltas written with each fact are folded into the published counters.</summary>
    public TimeSpan FoldInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a published-figures answer is reused (zero: never).</summary>
    public TimeSpan FiguresCacheFor { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Days into the next month after which a month's figures are published (late ratings still count until then).</summary>
    public int PublishAfterDays { get; set; } = 5;

    /// <summary>How often closed months are looked for, to publish their figures.</summary>
    public TimeSpan PublishInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Seeds demonstration reviews, rectification cases and tickets.</summary>
    public bool DemoData { get; set; }
}
