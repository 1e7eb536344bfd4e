using Talent.WorkingDays;

namespace Talent.Matching.Engagements;

public enum EngagementState
{
    Active,
    Closed,
}

public sealed record Milestone(string Name, DateTimeOffset At, string ActorId, string? Note, string? Outcome);

/// <summary>
/// Precise service and full-process tracking: first contact (due by the tier's deadline in working days), plan agreed,
/// service delivered, outcome recorded (financing raised, contracts signed, technology transferred, a policy benefit
/// obtained), closed; in that order, each once. Pure.
/// </summary>
public sealed class Engagement
{
    public static readonly string[] Order = ["firstContact", "planAgreed", "serviceDelivered", "outcomeRecorded", "closed"];
    public static readonly string[] Outcomes = ["financing", "contract", "technology-transfer", "policy-benefit", "other"];
    public const int NoteMaxLength = 2000;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid DemandId { get; private set; }

    public Guid ProposalId { get; private set; }

    public Guid ProviderId { get; private set; }

    public string ProviderName { get; private set; } = "";

    public string Team { get; private set; } = "";

    public string ClientId { get; private set; } = "";

    public string Tier { get; private set; } = "";

    public DateOnly FirstContactDueOn { get; private set; }

    public List<Milestone> Milestones { get; private set; } = [];

    public EngagementState State { get; private set; }

    public string? Outcome { get; private set; }

    public bool FirstContactOverdueFlagged { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    private Engagement()
    {
    }

    public static Engagement Start(Proposal proposal, Demands.Demand demand, Providers.Provider provider, WorkingCalendar calendar, DateTimeOffset now) => new()
    {
        DemandId = demand.Id,
        ProposalId = proposal.Id,
        ProviderId = provider.Id,
        ProviderName = provider.Name,
        Team = provider.Team,
        ClientId = demand.ClientId,
        Tier = demand.Tier,
        FirstContactDueOn = calendar.AddWorkingDays(WorkingCalendar.Today(now), demand.FirstContactDays),
        StartedAt = now,
    };

    public string? Next => Order.FirstOrDefault(m => Milestones.All(x => x.Name != m));

    public bool IsFirstContactOverdue(DateOnly today) => State == EngagementState.Active && Milestones.Count == 0 && FirstContactDueOn < today;

    /// <summary>Null when recorded, else why not (409): milestones come in order, each once; an outcome needs its kind.</summary>
    public string? Record(string milestone, string actorId, string? note, string? outcome, DateTimeOffset now)
    {
        if (State == EngagementState.Closed)
        {
            return "The engagement is closed. 服务已结束。";
        }

        if (milestone != Next)
        {
            return $"The next milestone is {Next}. 下一个节点是 {Next}。";
        }

        if (milestone == "outcomeRecorded" && (outcome is null || !Outcomes.Contains(outcome)))
        {
            return $"An outcome of {string.Join(", ", Outcomes)}. 请填写服务成效类型。";
        }

        Milestones.Add(new Milestone(milestone, now, actorId, note, milestone == "outcomeRecorded" ? outcome : null));
        if (milestone == "outcomeRecorded")
        {
            Outcome = outcome;
        }

        if (milestone == "closed")
        {
            State = EngagementState.Closed;
        }

        return null;
    }

    /// <summary>First contact was made by its deadline.</summary>
    public bool FirstContactOnTime => Milestones.FirstOrDefault(m => m.Name == "firstContact") is { } first && WorkingCalendar.Today(first.At) <= FirstContactDueOn;

    public bool FlagFirstContactOverdue()
    {
        if (FirstContactOverdueFlagged)
        {
            return false;
        }

        FirstContactOverdueFlagged = true;
        return true;
    }
}
