using Microsoft.EntityFrameworkCore;
using Talent.Contracts.Matching;
using Talent.Messaging.Outbox;
using Talent.Matching.Data;
using Talent.Matching.Matching;
using Talent.Matching.Providers;

namespace Talent.Matching.Suggestions;

/// <summary>An application event a rule may fire on: whose, which application, for which item.</summary>
public readonly record struct SuggestionCause(string Person, Guid Application, string ItemCode);

/// <summary>The rules that fire for application events, and the suggestions they make (best three providers by score).</summary>
public static class Suggester
{
    /// <summary>
    /// The suggestions of the rules with <paramref name="trigger"/> for each event, in order: the rules are read once, the
    /// providers of a team once; a suggestion already made (saved, or earlier among these events) is not made again.
    /// </summary>
    public static async Task SuggestAsync(MatchingDbContext db, string trigger, IReadOnlyList<SuggestionCause> causes, DateTimeOffset now, CancellationToken ct)
    {
        var rules = (await db.SuggestionRules.AsNoTracking().ToListAsync(ct)).Where(r => r.Enabled && r.Trigger == trigger).ToLookup(r => r.ItemCode, StringComparer.Ordinal);
        var providersOf = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
        var made = new HashSet<(string Person, string Rule, Guid Application)>();
        foreach (var cause in causes)
        {
            foreach (var rule in rules[cause.ItemCode])
            {
                if (made.Contains((cause.Person, rule.Code, cause.Application))
                    || await db.Suggestions.AnyAsync(s => s.PersonId == cause.Person && s.RuleCode == rule.Code && s.SourceApplicationId == cause.Application, ct))
                {
                    continue;
                }

                if (!providersOf.TryGetValue(rule.Code, out var providers))
                {
                    providers = rule.Team is null ? [] : await BestProvidersAsync(db, rule, ct);
                    providersOf[rule.Code] = providers;
                }

                if (rule.Team is not null && providers.Count == 0)
                {
                    continue;
                }

                var suggestion = Suggestion.For(rule, cause.Person, cause.Application, providers, now);
                db.Suggestions.Add(suggestion);
                made.Add((cause.Person, rule.Code, cause.Application));
                db.RecordEvent(new SuggestionMade(Guid.CreateVersion7(now), now, suggestion.Id, cause.Person, rule.Code, cause.Application, rule.SuggestItemCode,
                    rule.MessageZh, rule.MessageEn, providers.Count));
            }
        }
    }

    /// <summary>The rule's team's three best approved, available providers for its service types.</summary>
    private static async Task<List<Guid>> BestProvidersAsync(MatchingDbContext db, SuggestionRule rule, CancellationToken ct)
    {
        var wanted = Vocabulary.ServiceTypes.Mask(rule.ServiceTypes);
        var candidates = await db.Providers.AsNoTracking().Where(p => p.Team == rule.Team && p.Status == ProviderStatus.Approved && p.Available).ToListAsync(ct);
        var demand = new DemandFacts(0, wanted, 0, Vocabulary.Languages.Mask(["zh"]), 1);
        return [.. candidates
            .Select(p => (p.Id, Score: Scoring.Points(demand, p.Facts())))
            .Where(x => x.Score >= 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Id)
            .Take(3)
            .Select(x => x.Id)];
    }
}
