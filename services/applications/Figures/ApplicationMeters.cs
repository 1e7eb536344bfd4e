using Microsoft.Extensions.Options;
using Talent.Applications.Applying;
using Talent.Applications.Calendar;
using Talent.Applications.Data;
using Talent.Contracts.Applications;
using Talent.Messaging.Metrics;

namespace Talent.Applications.Figures;

/// <summary>The applications service's business meters (meter <c>Talent.Applications</c>), as operators read them in the dashboard.</summary>
public static class ApplicationMeters
{
    public const string Open = "talent.applications.open";
    public const string DueSoon = "talent.applications.due_soon";
    public const string Overdue = "talent.applications.overdue";
    public const string OldestOpenAge = "talent.applications.oldest_open_age";
    public const string AwaitingSupplement = "talent.applications.awaiting_supplement";

    public static BusinessMeterPlan Plan { get; } = new BusinessMeterPlan("Talent.Applications")
        .Count<ApplicationSubmitted>("talent.applications.submitted", "{application}", "Applications submitted, online or at a service window", e => new() { { "channel", e.Channel }, { "department", e.LeadDepartment } })
        .Count<ApplicationAccepted>("talent.applications.accepted", "{application}", "Applications accepted (受理); the decision clock starts", e => new() { { "department", e.LeadDepartment } })
        .Count<ApplicationReturnedForSupplement>("talent.applications.returned_for_supplement", "{application}", "Applications returned to the applicant for supplementary materials", e => new() { { "department", e.LeadDepartment } })
        .Count<ApplicationDecided>("talent.applications.decided", "{application}", "Applications decided (approved or denied), on time or late", e => new() { { "outcome", e.Approved ? "approved" : "denied" }, { "on_time", e.OnTime }, { "department", e.LeadDepartment } })
        .Count<ApplicationDueSoon>("talent.applications.due_soon_alerts", "{alert}", "Due-soon alerts raised to case owners", e => new() { { "deadline", e.Deadline } })
        .Count<ApplicationOverdue>("talent.applications.overdue_alerts", "{alert}", "Overdue alerts raised to case owners", e => new() { { "deadline", e.Deadline } })
        .Gauge(Open, "{application}", "Cases in the departments' hands (submitted, accepted or in review)")
        .Gauge(AwaitingSupplement, "{application}", "Cases waiting for the applicant's supplementary materials")
        .Gauge(DueSoon, "{application}", "Open cases whose running deadline falls within the due-soon window")
        .Gauge(Overdue, "{application}", "Open cases past their running deadline")
        .Gauge(OldestOpenAge, "s", "Time since the oldest open case was submitted");

    /// <summary>One query over the open cases: a sequential read of the applications table every 30 s at most.</summary>
    public sealed class Sampler(CalendarProvider calendar, IOptions<ApplicationsOptions> options) : GaugeSampler<ApplicationsDbContext>
    {
        public override async Task<IReadOnlyDictionary<string, double>> SampleAsync(ApplicationsDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var today = Application.Today(now);
            var soon = calendar.Current.AddWorkingDays(today, options.Value.DueSoonDays);
            var row = await ReadRowAsync(db, now, """
                SELECT count(*) FILTER (WHERE state IN ('Submitted', 'Accepted', 'InReview')),
                       count(*) FILTER (WHERE state = 'ReturnedForSupplement'),
                       count(*) FILTER (WHERE state IN ('Submitted', 'Accepted', 'InReview') AND paused_since IS NULL AND due_on >= @p0 AND due_on <= @p1),
                       count(*) FILTER (WHERE state IN ('Submitted', 'Accepted', 'InReview') AND paused_since IS NULL AND due_on < @p0),
                       min(submitted_at) FILTER (WHERE state IN ('Submitted', 'Accepted', 'InReview'))
                FROM applications
                WHERE state IN ('Submitted', 'Accepted', 'InReview', 'ReturnedForSupplement')
                """, cancellationToken, today, soon);
            return new Dictionary<string, double>
            {
                [Open] = row[0],
                [AwaitingSupplement] = row[1],
                [DueSoon] = row[2],
                [Overdue] = row[3],
                [OldestOpenAge] = row[4],
            };
        }
    }
}
