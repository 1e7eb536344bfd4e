using Microsoft.EntityFrameworkCore;
using Talent.Contracts.Matching;
using Talent.Messaging.Outbox;
using Talent.Matching.Data;
using Talent.Matching.Matching;
using Talent.Matching.Providers;

namespace Talent.Matching.Suggestions;

/// <summary>The rules that fire for an application event, and the suggestions they make (best three providers by score).</summary>
public static class Suggester
{
    public static async Task SuggestAsync(MatchingDbContext db, string trigger, string person, Guid application, string itemCode, DateTimeOffset now, CancellationToken ct)
    {
        var rules = (await db.SuggestionRules.AsNoTracking().ToListAsync(ct)).Where(r => r.Enabled && r.Trigger == trigger && r.ItemCode == itemCode).ToList();
        foreach (var rule in rules)
        {
            if (await db.Suggestions.AnyAsync(s => s.PersonId == person && s.RuleCode == rule.Code && s.SourceApplicationId == application, ct))
            {
                continue;
            }

            var providers = new List<Guid>();
            if (rule.Team is not null)
            {
                var wanted = Vocabulary.ServiceTypes.Mask(rule.ServiceTypes);
                var candidates = await db.Providers.AsNoTracking().Where(p => p.Team == rule.Team && p.Status == ProviderStatus.Approved && p.Available).ToListAsync(ct);
                var demand = new DemandFacts(0, wanted, 0, Vocabulary.Languages.Mask(["zh"]), 1);
                providers = [.. candidates
                    .Select(p => (p.Id, Score: Scoring.Points(demand, p.Facts())))
                    .Where(x => x.Score >= 0)
                    .OrderByDescending(x => x.Score).ThenBy(x => x.Id)
                    .Take(3)
                    .Select(x => x.Id)];
                if (providers.Count == 0)
                {
                    continue;
                }
            }

            var suggestion = Suggestion.For(rule, person, application, providers, now);
            db.Suggestions.Add(suggestion);
            db.RecordEvent(new SuggestionMade(Guid.CreateVersion7(now), now, suggestion.Id, person, rule.Code, application, rule.SuggestItemCode,
                rule.MessageZh, rule.MessageEn, providers.Count));
        }
    }
}
