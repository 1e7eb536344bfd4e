using Talent.Contracts.Matching;
using Talent.Matching.Data;
using Talent.Messaging.Metrics;

namespace Talent.Matching.Matching;

/// <summary>The matching service's business meters (meter <c>Talent.Matching</c>): demands, proposals and engagements.</summary>
public static class MatchingMeters
{
    public const string ProposalsDeclined = "talent.matching.proposals_declined";
    public const string DemandsOpen = "talent.matching.demands_open";
    public const string ProposalsWaiting = "talent.matching.proposals_waiting";
    public const string OldestWaitingProposalAge = "talent.matching.oldest_waiting_proposal_age";
    public const string EngagementsActive = "talent.matching.engagements_active";

    public static BusinessMeterPlan Plan { get; } = new BusinessMeterPlan("Talent.Matching")
        .Count<DemandRegistered>("talent.matching.demands_registered", "{demand}", "Demands registered by talents and enterprises, by tier", e => new() { { "tier", e.Tier }, { "client_kind", e.ClientKind } })
        .Count<MatchProposed>("talent.matching.proposals_made", "{proposal}", "Providers proposed for demands", e => new() { { "team", e.Team } })
        .Count<EngagementStarted>("talent.matching.proposals_accepted", "{proposal}", "Proposals accepted by providers (an engagement starts)", e => new() { { "team", e.Team } })
        .Counter(ProposalsDeclined, "{proposal}", "Proposals declined by providers")
        .Count<EngagementMilestoneReached>("talent.matching.milestones", "{milestone}", "Engagement milestones reached, on time or late", e => new() { { "milestone", e.Milestone }, { "on_time", e.OnTime } })
        .Count<FirstContactOverdue>("talent.matching.first_contact_overdue_alerts", "{alert}", "Engagements whose first contact passed its deadline", e => new() { { "team", e.Team }, { "tier", e.Tier } })
        .Count<EngagementClosed>("talent.matching.engagements_closed", "{engagement}", "Engagements closed", e => new() { { "team", e.Team } })
        .Gauge(DemandsOpen, "{demand}", "Demands not yet matched")
        .Gauge(ProposalsWaiting, "{proposal}", "Proposals waiting for the provider's answer")
        .Gauge(OldestWaitingProposalAge, "s", "Time since the oldest proposal still waiting for an answer was made")
        .Gauge(EngagementsActive, "{engagement}", "Engagements in progress");

    public sealed class Sampler : GaugeSampler<MatchingDbContext>
    {
        public override async Task<IReadOnlyDictionary<string, double>> SampleAsync(MatchingDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var row = await ReadRowAsync(db, now, """
                SELECT (SELECT count(*) FROM demands WHERE state = 'Open'),
                       (SELECT count(*) FROM proposals WHERE state = 'Proposed'),
                       (SELECT min(proposed_at) FROM proposals WHERE state = 'Proposed'),
                       (SELECT count(*) FROM engagements WHERE state = 'Active')
                """, cancellationToken);
            return new Dictionary<string, double>
            {
                [DemandsOpen] = row[0],
                [ProposalsWaiting] = row[1],
                [OldestWaitingProposalAge] = row[2],
                [EngagementsActive] = row[3],
            };
        }
    }
}
