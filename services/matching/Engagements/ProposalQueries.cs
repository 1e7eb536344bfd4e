using Microsoft.EntityFrameworkCore;

namespace Talent.Matching.Engagements;

public static class ProposalQueries
{
    /// <summary>Open proposals per provider: they hold a place until decided.</summary>
    public static async Task<Dictionary<Guid, int>> PendingPerProviderAsync(this DbSet<Proposal> proposals, CancellationToken ct) =>
        await proposals.AsNoTracking().Where(p => p.State == ProposalState.Proposed).GroupBy(p => p.ProviderId).ToDictionaryAsync(g => g.Key, g => g.Count(), ct);
}
