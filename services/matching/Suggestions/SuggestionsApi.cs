using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Matching.Providers;
using static Talent.Matching.Actors;

namespace Talent.Matching.Suggestions;

/// <summary>A person's proactive suggestions (主动感知) and their dismissal (the rules behind them: <see cref="SuggestionRulesApi"/>).</summary>
public static class SuggestionsApi
{
    public sealed record SuggestionView(
        Guid Id, string RuleCode, Guid SourceApplicationId, string MessageZh, string MessageEn, DateTimeOffset CreatedAt, DateTimeOffset? DismissedAt, string? ItemCode,
        string? ItemTitle, IReadOnlyList<ProviderView> Providers);

    public sealed record SuggestionDismissed(Guid Id, DateTimeOffset? DismissedAt);

    public static IEndpointRouteBuilder MapSuggestionsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/matching").WithTags("Suggestions");
        api.MapGet("/suggestions/mine", MineAsync).RequireAuthorization(MatchingPolicies.Client).WithName("MySuggestions")
            .WithSummary("The caller's suggestions, newest first (at most 50); dismissed ones with ?includeDismissed=true.");
        api.MapPost("/suggestions/{id:guid}/dismiss", DismissAsync).RequireAuthorization(MatchingPolicies.Client).WithName("DismissSuggestion")
            .WithSummary("The person puts a suggestion away.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Ok<List<SuggestionView>>> MineAsync(bool? includeDismissed, [AsParameters] MatchingRequest call)
    {
        var (db, ct) = (call.Db, call.Cancellation);
        var subject = ActorOf(call.User);
        var suggestions = await db.Suggestions.AsNoTracking().Where(s => s.PersonId == subject && (includeDismissed == true || s.DismissedAt == null)).OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id).Take(50).ToListAsync(ct);
        var ids = suggestions.SelectMany(s => s.ProviderIds).Distinct().ToList();
        var providers = await db.Providers.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var titles = await db.CatalogueItems.AsNoTracking().Where(i => suggestions.Select(s => s.ItemCode).Contains(i.Code)).ToDictionaryAsync(i => i.Code, i => i.TitleZh, ct);
        return TypedResults.Ok(suggestions.Select(s => new SuggestionView(
            s.Id, s.RuleCode, s.SourceApplicationId, s.MessageZh, s.MessageEn, s.CreatedAt, s.DismissedAt, s.ItemCode,
            s.ItemCode is null ? null : titles.GetValueOrDefault(s.ItemCode),
            [.. s.ProviderIds.Where(providers.ContainsKey).Select(id => ProviderView.Of(providers[id]))])).ToList());
    }

    private static async Task<Results<Ok<SuggestionDismissed>, NotFound>> DismissAsync(Guid id, [AsParameters] MatchingRequest call)
    {
        var subject = ActorOf(call.User);
        var suggestion = await call.Db.Suggestions.SingleOrDefaultAsync(s => s.Id == id && s.PersonId == subject, call.Cancellation);
        if (suggestion is null)
        {
            return TypedResults.NotFound();
        }

        suggestion.Dismiss(call.Time.GetUtcNow());
        await call.Db.SaveChangesAsync(call.Cancellation);
        return TypedResults.Ok(new SuggestionDismissed(suggestion.Id, suggestion.DismissedAt));
    }
}
