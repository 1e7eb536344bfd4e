using Talent.Contracts.Feedback;
using Talent.Feedback.Data;
using Talent.Messaging.Metrics;
using Talent.WorkingDays;

namespace Talent.Feedback.Figures;

/// <summary>The feedback service's business meters (meter <c>Talent.Feedback</c>): ratings, bad reviews and their rectification, tickets.</summary>
public static class FeedbackMeters
{
    public const string RectificationsOpen = "talent.feedback.rectifications_open";
    public const string RectificationsOverdue = "talent.feedback.rectifications_overdue";
    public const string OldestRectificationAge = "talent.feedback.oldest_rectification_age";
    public const string TicketsOpen = "talent.feedback.tickets_open";
    public const string TicketsOverdue = "talent.feedback.tickets_overdue";

    public static BusinessMeterPlan Plan { get; } = new BusinessMeterPlan("Talent.Feedback")
        .Count<EvaluationSubmitted>("talent.feedback.ratings", "{rating}", "Ratings (好差评) given, by level and channel", e => new() { { "level", e.Level }, { "channel", e.Channel } })
        .Count<NegativeEvaluationRaised>("talent.feedback.bad_reviews", "{review}", "Bad reviews raised for verification and rectification", e => new() { { "level", e.Level }, { "department", e.LeadDepartment } })
        .Count<RectificationCompleted>("talent.feedback.rectifications_completed", "{case}", "Rectification cases closed, rectified or removed on appeal", e => new() { { "outcome", e.Outcome }, { "on_time", e.OnTime } })
        .Count<RectificationOverdue>("talent.feedback.rectification_overdue_alerts", "{alert}", "Rectification stages that passed their deadline", e => new() { { "stage", e.Stage } })
        .Count<FeedbackTicketOpened>("talent.feedback.tickets_opened", "{ticket}", "Tickets opened at the problem-feedback window", e => new() { { "kind", e.Kind }, { "channel", e.Channel } })
        .Count<FeedbackTicketTransferred>("talent.feedback.tickets_transferred", "{ticket}", "Tickets passed on to another department", e => new() { { "from", e.FromDepartment }, { "to", e.ToDepartment } })
        .Count<FeedbackTicketResolved>("talent.feedback.tickets_resolved", "{ticket}", "Tickets closed", e => new() { { "resolution", e.Resolution }, { "replied_on_time", e.RepliedOnTime } })
        .Gauge(RectificationsOpen, "{case}", "Bad reviews awaiting verification, rectification or the return visit")
        .Gauge(RectificationsOverdue, "{case}", "Open rectification cases past their stage's deadline")
        .Gauge(OldestRectificationAge, "s", "Time since the oldest open rectification case was raised")
        .Gauge(TicketsOpen, "{ticket}", "Tickets not yet replied to")
        .Gauge(TicketsOverdue, "{ticket}", "Tickets not replied to by their reply deadline");

    public sealed class Sampler : GaugeSampler<FeedbackDbContext>
    {
        public override async Task<IReadOnlyDictionary<string, double>> SampleAsync(FeedbackDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var today = WorkingCalendar.Today(now);
            var cases = await ReadRowAsync(db, now, """
                SELECT count(*), count(*) FILTER (WHERE stage_due_on < @p0), min(raised_at)
                FROM rectification_cases WHERE state <> 'Closed'
                """, cancellationToken, today);
            var tickets = await ReadRowAsync(db, now, """
                SELECT count(*), count(*) FILTER (WHERE reply_due_on < @p0) FROM feedback_tickets WHERE state = 'Open'
                """, cancellationToken, today);
            return new Dictionary<string, double>
            {
                [RectificationsOpen] = cases[0],
                [RectificationsOverdue] = cases[1],
                [OldestRectificationAge] = cases[2],
                [TicketsOpen] = tickets[0],
                [TicketsOverdue] = tickets[1],
            };
        }
    }
}
