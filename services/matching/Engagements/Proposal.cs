namespace Talent.Matching.Engagements;

public enum ProposalState
{
    Proposed,
    Accepted,
    Declined,
}

/// <summary>A provider proposed for a demand; the provider accepts (an engagement starts) or declines (never proposed again for it).</summary>
public sealed class Proposal
{
    public const int ReasonMaxLength = 500;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid DemandId { get; private set; }

    public Guid ProviderId { get; private set; }

    public int Score { get; private set; }

    public Guid? BatchId { get; private set; }

    public ProposalState State { get; private set; }

    public string? DeclineReason { get; private set; }

    public DateTimeOffset ProposedAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    private Proposal()
    {
    }

    public static Proposal For(Guid demand, Guid provider, int score, Guid? batch, DateTimeOffset now) =>
        new() { DemandId = demand, ProviderId = provider, Score = score, BatchId = batch, ProposedAt = now };

    /// <summary>False when already decided.</summary>
    public bool Accept(DateTimeOffset now)
    {
        if (State != ProposalState.Proposed)
        {
            return false;
        }

        State = ProposalState.Accepted;
        DecidedAt = now;
        return true;
    }

    public bool Decline(string? reason, DateTimeOffset now)
    {
        if (State != ProposalState.Proposed)
        {
            return false;
        }

        State = ProposalState.Declined;
        DeclineReason = reason;
        DecidedAt = now;
        return true;
    }
}
