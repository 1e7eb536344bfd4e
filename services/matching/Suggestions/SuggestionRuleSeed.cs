using Microsoft.EntityFrameworkCore;
using Talent.Matching.Data;

namespace Talent.Matching.Suggestions;

/// <summary>At start-up, the <see cref="SuggestionRule.Defaults"/> when there are no rules yet (operators edit them afterwards).</summary>
public static class SuggestionRuleSeed
{
    public static async Task SeedAsync(MatchingDbContext db, CancellationToken ct)
    {
        if (!await db.SuggestionRules.AnyAsync(ct))
        {
            db.SuggestionRules.AddRange(SuggestionRule.Defaults.Select(r => r.Normalised()));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another replica seeded them first.
            }
        }
    }
}
