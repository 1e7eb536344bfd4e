using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Talent.Contracts.Applications;
using Talent.Matching.Data;
using Talent.Matching.Matching;
using Talent.Matching.Providers;
using Talent.Messaging.Inbox;

namespace Talent.Matching.Suggestions;

/// <summary>
/// A rule of proactive suggestions (主动感知), data that operators edit: when an application for <see cref="ItemCode"/> is
/// submitted (<c>submitted</c>) or approved (<c>approved</c>), suggest providers of <see cref="Team"/> offering
/// <see cref="ServiceTypes"/> (the best three by score), or the item <see cref="SuggestItemCode"/>.
/// </summary>
public sealed class SuggestionRule
{
    public static readonly string[] Triggers = ["submitted", "approved"];

    public string Code { get; set; } = "";

    public string Trigger { get; set; } = "approved";

    public string ItemCode { get; set; } = "";

    public string? Team { get; set; }

    public List<string> ServiceTypes { get; set; } = [];

    public string? SuggestItemCode { get; set; }

    public string MessageZh { get; set; } = "";

    public string MessageEn { get; set; } = "";

    public bool Enabled { get; set; } = true;

    public static Dictionary<string, string[]> Validate(IReadOnlyList<SuggestionRule>? rules)
    {
        var errors = new Dictionary<string, string[]>();
        if (rules is null || rules.Count > 200)
        {
            errors["rules"] = ["A list of at most 200 rules. 规则不超过 200 条。"];
            return errors;
        }

        for (var i = 0; i < rules.Count; i++)
        {
            var r = rules[i];
            if (string.IsNullOrWhiteSpace(r.Code) || r.Code.Length > 40 || rules.Count(x => x.Code == r.Code) > 1)
            {
                errors[$"rules[{i}].code"] = ["A unique code of 1 to 40 characters. 规则编码必填且唯一。"];
            }

            if (!Triggers.Contains(r.Trigger))
            {
                errors[$"rules[{i}].trigger"] = ["submitted or approved. 触发条件为 submitted 或 approved。"];
            }

            if (string.IsNullOrWhiteSpace(r.ItemCode) || r.ItemCode.Length > 64)
            {
                errors[$"rules[{i}].itemCode"] = ["The item whose applications trigger it. 请填写触发事项。"];
            }

            if ((r.Team is null) == (r.SuggestItemCode is null) || (r.Team is not null && !Vocabulary.Teams.Contains(r.Team)))
            {
                errors[$"rules[{i}].team"] = ["Either a team (commissioner, butler, broker) or an item to suggest. 推荐团队或事项二选一。"];
            }

            if (Vocabulary.ServiceTypes.Check(r.ServiceTypes, false) is { } services)
            {
                errors[$"rules[{i}].serviceTypes"] = services;
            }

            if (string.IsNullOrWhiteSpace(r.MessageZh) || r.MessageZh.Length > 200 || string.IsNullOrWhiteSpace(r.MessageEn) || r.MessageEn.Length > 300)
            {
                errors[$"rules[{i}].messageZh"] = ["A message in Chinese (≤ 200) and English (≤ 300). 请填写中英文推荐语。"];
            }
        }

        return errors;
    }

    public static readonly SuggestionRule[] Defaults =
    [
        new() { Code = "hte-financing", Trigger = "approved", ItemCode = "HIGH-TECH-ENTERPRISE", Team = "broker", ServiceTypes = ["financing"],
            MessageZh = "恭喜通过高新技术企业认定，可对接投融资经纪人。", MessageEn = "Recognised as a high-tech enterprise: financing brokers can help you raise funds." },
        new() { Code = "apartment-butler", Trigger = "submitted", ItemCode = "TALENT-APARTMENT", Team = "butler", ServiceTypes = ["life"],
            MessageZh = "已提交人才公寓申请，人才管家可协助入住、子女入学等事宜。", MessageEn = "Talent apartment applied for: a talent butler can help with moving in, schooling and more." },
        new() { Code = "research-transfer", Trigger = "approved", ItemCode = "RESEARCH-PROJECT", Team = "broker", ServiceTypes = ["technology-transfer"],
            MessageZh = "科技计划项目已立项，可对接成果转化经纪人。", MessageEn = "Research project approved: technology-transfer brokers can help commercialise the results." },
        new() { Code = "spouse-schooling", Trigger = "approved", ItemCode = "SPOUSE-EMPLOYMENT", SuggestItemCode = "CHILD-SCHOOLING",
            MessageZh = "配偶就业已办结，子女入学也可一并办理。", MessageEn = "Spouse employment done: children's schooling can be arranged too." },
    ];
}

/// <summary>A suggestion to one person, from one rule and one application; dismissed by the person.</summary>
public sealed class Suggestion
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string PersonId { get; private set; } = "";

    public string RuleCode { get; private set; } = "";

    public Guid SourceApplicationId { get; private set; }

    public List<Guid> ProviderIds { get; private set; } = [];

    public string? ItemCode { get; private set; }

    public string MessageZh { get; private set; } = "";

    public string MessageEn { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? DismissedAt { get; private set; }

    private Suggestion()
    {
    }

    public static Suggestion For(SuggestionRule rule, string person, Guid application, IEnumerable<Guid> providers, DateTimeOffset now) => new()
    {
        PersonId = person, RuleCode = rule.Code, SourceApplicationId = application, ProviderIds = [.. providers], ItemCode = rule.SuggestItemCode,
        MessageZh = rule.MessageZh, MessageEn = rule.MessageEn, CreatedAt = now,
    };

    public void Dismiss(DateTimeOffset now) => DismissedAt ??= now;
}

/// <summary>The rules that fire for an application event, and the suggestions they make (best three providers by score).</summary>
public static class Suggestions
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

            db.Suggestions.Add(Suggestion.For(rule, person, application, providers, now));
        }
    }
}

public sealed class SuggestOnSubmitted(MatchingDbContext db, TimeProvider time, ILogger<SuggestOnSubmitted> logger) : InboxConsumer<MatchingDbContext, ApplicationSubmitted>(db, time, logger)
{
    protected override Task HandleAsync(ApplicationSubmitted message, CancellationToken cancellationToken) =>
        Suggestions.SuggestAsync(Db, "submitted", message.ApplicantId, message.ApplicationId, message.ItemCode, Time.GetUtcNow(), cancellationToken);
}

public sealed class SuggestOnDecided(MatchingDbContext db, TimeProvider time, ILogger<SuggestOnDecided> logger) : InboxConsumer<MatchingDbContext, ApplicationDecided>(db, time, logger)
{
    protected override Task HandleAsync(ApplicationDecided message, CancellationToken cancellationToken) =>
        message.Approved ? Suggestions.SuggestAsync(Db, "approved", message.ApplicantId, message.ApplicationId, message.ItemCode, Time.GetUtcNow(), cancellationToken) : Task.CompletedTask;
}

public static class SuggestionsApi
{
    public static IEndpointRouteBuilder MapSuggestionsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/matching").WithTags("Suggestions");
        api.MapGet("/suggestions/mine", async (bool? includeDismissed, ClaimsPrincipal user, MatchingDbContext db, CancellationToken ct) =>
            {
                var subject = user.FindFirstValue("sub") ?? "";
                var suggestions = await db.Suggestions.AsNoTracking().Where(s => s.PersonId == subject && (includeDismissed == true || s.DismissedAt == null)).OrderByDescending(s => s.CreatedAt).Take(50).ToListAsync(ct);
                var ids = suggestions.SelectMany(s => s.ProviderIds).Distinct().ToList();
                var providers = await db.Providers.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
                var titles = await db.CatalogueItems.AsNoTracking().Where(i => suggestions.Select(s => s.ItemCode).Contains(i.Code)).ToDictionaryAsync(i => i.Code, i => i.TitleZh, ct);
                return TypedResults.Ok(suggestions.Select(s => new
                {
                    s.Id, s.RuleCode, s.SourceApplicationId, s.MessageZh, s.MessageEn, s.CreatedAt, s.DismissedAt, s.ItemCode,
                    itemTitle = s.ItemCode is null ? null : titles.GetValueOrDefault(s.ItemCode),
                    providers = s.ProviderIds.Where(providers.ContainsKey).Select(id => MatchingApi.View(providers[id])),
                }));
            })
            .RequireAuthorization(MatchingApi.ClientPolicy).WithName("MySuggestions");
        api.MapPost("/suggestions/{id:guid}/dismiss", async (Guid id, ClaimsPrincipal user, MatchingDbContext db, TimeProvider time, CancellationToken ct) =>
            {
                var subject = user.FindFirstValue("sub") ?? "";
                var suggestion = await db.Suggestions.SingleOrDefaultAsync(s => s.Id == id && s.PersonId == subject, ct);
                if (suggestion is null)
                {
                    return Results.NotFound();
                }

                suggestion.Dismiss(time.GetUtcNow());
                await db.SaveChangesAsync(ct);
                return Results.Ok(new { suggestion.Id, suggestion.DismissedAt });
            })
            .RequireAuthorization(MatchingApi.ClientPolicy).WithName("DismissSuggestion");
        api.MapGet("/suggestion-rules", async (MatchingDbContext db, CancellationToken ct) => TypedResults.Ok(await db.SuggestionRules.AsNoTracking().OrderBy(r => r.Code).ToListAsync(ct)))
            .RequireAuthorization(MatchingApi.OperatorPolicy).WithName("ListSuggestionRules");
        api.MapPut("/suggestion-rules", async (List<SuggestionRule>? rules, MatchingDbContext db, CancellationToken ct) =>
            {
                var errors = SuggestionRule.Validate(rules);
                if (errors.Count > 0)
                {
                    return Results.ValidationProblem(errors);
                }

                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await db.SuggestionRules.ExecuteDeleteAsync(ct);
                db.SuggestionRules.AddRange(rules!);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return Results.Ok(rules);
            })
            .RequireAuthorization(MatchingApi.OperatorPolicy).WithName("ReplaceSuggestionRules")
            .WithSummary("Replaces the whole list of proactive-suggestion rules.");
        return routes;
    }

    public static async Task SeedRulesAsync(MatchingDbContext db, CancellationToken ct)
    {
        if (!await db.SuggestionRules.AnyAsync(ct))
        {
            db.SuggestionRules.AddRange(SuggestionRule.Defaults.Select(r => new SuggestionRule
            {
                Code = r.Code, Trigger = r.Trigger, ItemCode = r.ItemCode, Team = r.Team, ServiceTypes = [.. r.ServiceTypes], SuggestItemCode = r.SuggestItemCode,
                MessageZh = r.MessageZh, MessageEn = r.MessageEn, Enabled = r.Enabled,
            }));
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
