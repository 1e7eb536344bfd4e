using System.Globalization;

namespace Talent.Portal.Apis;

/// <summary>
/// The matching API through the gateway, on the signed-in person's behalf: their demands (摸底调研) and each demand's ranked
/// candidates with the components of their scores, their engagements and milestones, their proactive suggestions; for a
/// provider (commissioner, butler, broker), the proposals to accept or decline.
/// </summary>
public sealed class MatchingApi(HttpClient http)
{
    public HttpClient Http => http;

    public Task<ApiResult<MatchingVocabularies>> VocabulariesAsync(CancellationToken ct) => GetAsync<MatchingVocabularies>("/api/matching/vocabularies", ct);

    public Task<ApiResult<List<MatchingDemand>>> DemandsAsync(CancellationToken ct) => GetAsync<List<MatchingDemand>>("/api/matching/demands/mine", ct);

    public Task<ApiResult<MatchingDemand>> RegisterDemandAsync(DemandRegistration registration, CancellationToken ct) =>
        PostAsync<MatchingDemand>("/api/matching/demands", registration, ct);

    public Task<ApiResult<MatchingCandidates>> CandidatesAsync(Guid demandId, int top, CancellationToken ct) =>
        GetAsync<MatchingCandidates>(string.Create(CultureInfo.InvariantCulture, $"/api/matching/demands/{demandId}/candidates?top={top}"), ct);

    public Task<ApiResult<List<MatchingEngagement>>> EngagementsAsync(CancellationToken ct) => GetAsync<List<MatchingEngagement>>("/api/matching/engagements/mine", ct);

    public Task<ApiResult<List<MatchingSuggestion>>> SuggestionsAsync(CancellationToken ct) => GetAsync<List<MatchingSuggestion>>("/api/matching/suggestions/mine", ct);

    public Task<ApiResult<MatchingSuggestionDismissed>> DismissSuggestionAsync(Guid id, CancellationToken ct) =>
        PostAsync<MatchingSuggestionDismissed>($"/api/matching/suggestions/{id}/dismiss", new { }, ct);

    /// <summary>A provider's proposals; anyone else is answered 403 (the page then offers none).</summary>
    public Task<ApiResult<List<MatchingProposal>>> ProposalsAsync(CancellationToken ct) => GetAsync<List<MatchingProposal>>("/api/matching/proposals/mine", ct);

    public Task<ApiResult<MatchingEngagement>> AcceptProposalAsync(Guid id, CancellationToken ct) => PostAsync<MatchingEngagement>($"/api/matching/proposals/{id}/accept", new { }, ct);

    public Task<ApiResult<MatchingProposalDecided>> DeclineProposalAsync(Guid id, string? reason, CancellationToken ct) =>
        PostAsync<MatchingProposalDecided>($"/api/matching/proposals/{id}/decline", new { reason }, ct);

    // Operators (the console): the providers, by status, and their approval and suspension.

    public Task<ApiResult<MatchingProviderPage>> ProvidersAsync(string? status, int page, int pageSize, CancellationToken ct) =>
        GetAsync<MatchingProviderPage>(QueryString.Of("/api/matching/providers", ("status", status), ("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null),
            ("pageSize", pageSize.ToString(CultureInfo.InvariantCulture))), ct);

    /// <summary>Approves (<paramref name="approve"/>) or suspends a provider: proposed from now on, or no longer.</summary>
    public Task<ApiResult<MatchingProvider>> SetProviderStatusAsync(Guid id, bool approve, CancellationToken ct) =>
        PostAsync<MatchingProvider>($"/api/matching/providers/{id}/{(approve ? "approve" : "suspend")}", new { }, ct);

    /// <summary>The proactive-suggestion rules and their revision (the ETag to send back with a replacement).</summary>
    public async Task<(ApiResult<List<SuggestionRuleData>> Rules, string? Revision)> SuggestionRulesAsync(CancellationToken ct)
    {
        using var response = await http.GetAsync("/api/matching/suggestion-rules", ct);
        return (await ApiResult<List<SuggestionRuleData>>.ReadAsync(response, ct), response.Headers.ETag?.Tag);
    }

    /// <summary>Replaces the whole list if it is still at <paramref name="revision"/> (412 with <c>If-Match</c> named when stale;
    /// errors under <c>rules[i].field</c>).</summary>
    public async Task<ApiResult<List<SuggestionRuleData>>> ReplaceSuggestionRulesAsync(List<SuggestionRuleData> rules, string revision, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/matching/suggestion-rules") { Content = JsonContent.Create(rules, options: Json.Options) };
        request.Headers.TryAddWithoutValidation("If-Match", revision);
        using var response = await http.SendAsync(request, ct);
        return await ApiResult<List<SuggestionRuleData>>.ReadAsync(response, ct);
    }

    /// <summary>Runs a batch (operators, commissioners): every open demand assigned at once; 409 while another runs.</summary>
    public Task<ApiResult<MatchingBatchResult>> RunBatchAsync(CancellationToken ct) => PostAsync<MatchingBatchResult>("/api/matching/batches", new { }, ct);

    /// <summary>The batches run lately (operators), newest first: the audit trail's <c>batch.run</c> entries among its latest hundred.</summary>
    public async Task<ApiResult<List<MatchingBatchRun>>> BatchesAsync(CancellationToken ct)
    {
        var trail = await GetAsync<MatchingAuditPage>("/api/matching/audit?pageSize=100", ct);
        return new ApiResult<List<MatchingBatchRun>>(trail.Value?.Items.Where(e => e.Action == "batch.run").Select(MatchingBatchRun.Of).ToList(), trail.Status, trail.Title, trail.Errors);
    }

    /// <summary>One batch's figures, as the audit trail keeps them (404 when none).</summary>
    public async Task<ApiResult<MatchingBatchRun>> BatchAsync(Guid id, CancellationToken ct)
    {
        var trail = await GetAsync<MatchingAuditPage>($"/api/matching/audit?subject=batch:{id}&pageSize=1", ct);
        var run = trail.Value?.Items.Select(MatchingBatchRun.Of).FirstOrDefault();
        return new ApiResult<MatchingBatchRun>(run, trail.Ok && run is null ? System.Net.HttpStatusCode.NotFound : trail.Status, trail.Title, trail.Errors);
    }

    public Task<ApiResult<List<MatchingBatchProposal>>> BatchProposalsAsync(Guid id, CancellationToken ct) =>
        GetAsync<List<MatchingBatchProposal>>($"/api/matching/batches/{id}/proposals", ct);

    /// <summary>The person corrects an open demand of theirs (errors under the registration's field names; 409 once matched or closed).</summary>
    public async Task<ApiResult<MatchingDemand>> CorrectDemandAsync(Guid id, DemandRegistration correction, CancellationToken ct)
    {
        using var response = await http.PutAsJsonAsync($"/api/matching/demands/{id}", correction, Json.Options, ct);
        return await ApiResult<MatchingDemand>.ReadAsync(response, ct);
    }

    /// <summary>Commissioners and butlers: talents and enterprises by name or account (at least two characters).</summary>
    public Task<ApiResult<List<SurveyClient>>> ClientsAsync(string q, CancellationToken ct) =>
        GetAsync<List<SurveyClient>>(QueryString.Of("/api/matching/clients", ("q", q)), ct);

    /// <summary>A visit with the needs found (errors under <c>clientId</c>, <c>visitedOn</c>, <c>summary</c>, <c>needs[i].field</c>).</summary>
    public Task<ApiResult<SurveyVisitView>> RecordVisitAsync(string clientId, DateOnly? visitedOn, string? summary, List<DemandRegistration> needs, CancellationToken ct) =>
        PostAsync<SurveyVisitView>("/api/matching/visits", new { clientId, visitedOn, summary, needs }, ct);

    /// <summary>The caller's visits (commissioners and butlers), newest first, with their demands as they are now.</summary>
    public Task<ApiResult<List<SurveyVisitView>>> VisitsAsync(CancellationToken ct) => GetAsync<List<SurveyVisitView>>("/api/matching/visits", ct);

    /// <summary>The visits made to the caller (a talent or an enterprise).</summary>
    public Task<ApiResult<List<SurveyVisitView>>> VisitsAboutMeAsync(CancellationToken ct) => GetAsync<List<SurveyVisitView>>("/api/matching/visits/about-me", ct);

    /// <summary>Operators bring in a market service organisation (errors under the profile's field names); it waits for approval.</summary>
    public Task<ApiResult<MatchingProvider>> ImportMarketAsync(object profile, CancellationToken ct) => PostAsync<MatchingProvider>("/api/matching/providers/market", profile, ct);

    /// <summary>Operators: the proposals to market organisations, which they answer for them.</summary>
    public Task<ApiResult<List<MarketProposal>>> MarketProposalsAsync(CancellationToken ct) => GetAsync<List<MarketProposal>>("/api/matching/proposals/market", ct);

    /// <summary>The caller's own record (a talent or an enterprise).</summary>
    public Task<ApiResult<LifecycleRecord>> RecordAsync(CancellationToken ct) => GetAsync<LifecycleRecord>("/api/matching/record", ct);

    /// <summary>A served person's record, for a butler, when the person consented (404 otherwise).</summary>
    public Task<ApiResult<LifecycleRecord>> ClientRecordAsync(string personId, CancellationToken ct) =>
        GetAsync<LifecycleRecord>($"/api/matching/record/{Uri.EscapeDataString(personId)}", ct);

    /// <summary>Whether the butlers who serve the caller may read their record.</summary>
    public async Task<ApiResult<LifecycleRecord>> ShareRecordAsync(bool withButlers, CancellationToken ct)
    {
        using var response = await http.PutAsJsonAsync("/api/matching/record/sharing", new { withButlers }, Json.Options, ct);
        return await ApiResult<LifecycleRecord>.ReadAsync(response, ct);
    }

    private async Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        return await ApiResult<T>.ReadAsync(response, ct);
    }

    private async Task<ApiResult<T>> PostAsync<T>(string path, object body, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(path, body, Json.Options, ct);
        return await ApiResult<T>.ReadAsync(response, ct);
    }
}

public sealed record MatchingProviderPage(List<MatchingProvider> Items, int Page, int PageSize, int Total);

/// <summary>A suggestion rule: when a case of <c>ItemCode</c> is submitted or approved (<c>Trigger</c>), suggest a team or another item.</summary>
public sealed record SuggestionRuleData(string Code, string Trigger, string ItemCode, string? Team, List<string> ServiceTypes, string? SuggestItemCode,
    string MessageZh, string MessageEn, bool Enabled);

public sealed record MatchingTerm(string Code, string Zh, string En);

public sealed record MatchingVocabularies(List<MatchingTerm> Domains, List<MatchingTerm> ServiceTypes, List<MatchingTerm> Stages, List<MatchingTerm> Languages)
{
    /// <summary>The code's name in the person's language; the code itself when the list is unavailable or does not know it.</summary>
    public static string Name(IEnumerable<MatchingTerm>? terms, string code) =>
        terms?.FirstOrDefault(t => t.Code == code) is { } term
            ? (CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(term.En) ? term.Zh : term.En)
            : code;

    public static string Names(IEnumerable<MatchingTerm>? terms, IEnumerable<string> codes, string separator) => string.Join(separator, codes.Select(c => Name(terms, c)));
}

/// <summary>What <c>POST /demands</c> takes: the need, and the facts the tier (分层) is computed from.</summary>
public sealed record DemandRegistration(List<string> Domains, string? Stage, List<string> ServiceTypes, string? Description, string? Language, string? Urgency,
    string? TalentDesignation, decimal? FundingRaisedWan, decimal? RevenueWan, int? Patents, int? Headcount);

/// <summary>A demand; <c>State</c> is <c>open</c>, <c>matched</c> or <c>closed</c>; the tier sets how many providers, how senior, the first-contact deadline.</summary>
public sealed record MatchingDemand(Guid Id, string ClientKind, List<string> Domains, string Stage, List<string> ServiceTypes, string Description, string Language,
    string Urgency, string? TalentDesignation, decimal? FundingRaisedWan, decimal? RevenueWan, int? Patents, int? Headcount, string Tier, int ProvidersWanted,
    int MinSeniority, int FirstContactDays, string State, DateTimeOffset CreatedAt,
    string TierReason = "", string? DesignationSource = null, string? RecordedByName = null, Guid? VisitId = null, int Corrections = 0, DateTimeOffset? CorrectedAt = null);

/// <summary>A talent or an enterprise a commissioner or butler may visit.</summary>
public sealed record SurveyClient(string Id, string Name, string Kind);

/// <summary>A visit (摸底调研): who, to whom, when, what was found; <c>Demands</c> recorded from it as they are now.</summary>
public sealed record SurveyVisitView(SurveyVisitRecord Visit, List<MatchingDemand> Demands);

public sealed record SurveyVisitRecord(Guid Id, string VisitorId, string VisitorName, string VisitorRole, string ClientId, string ClientName, string ClientKind,
    DateOnly VisitedOn, string Summary, DateTimeOffset RecordedAt);

/// <summary>A commissioner, butler or broker; <c>Status</c> pending (waits for an operator), approved or suspended.</summary>
public sealed record MatchingProvider(Guid Id, string Name, string Team, string Organisation, string OrganisationKind, string? Department, List<string> Domains,
    List<string> ServiceTypes, List<string> Stages, List<string> Languages, int Capacity, int Load, int Seniority, double? Rating, int Ratings, string? Introduction,
    string Status = "approved");

/// <summary>One part of a candidate's score: <c>Points</c> of <c>Weight</c> (out of 1,000 in all), <c>Value</c> the share earned.</summary>
public sealed record MatchingScoreComponent(string Name, double Value, int Weight, int Points, string Explanation);

public sealed record MatchingCandidate(int Rank, MatchingProvider Provider, int Score, List<MatchingScoreComponent> Components);

public sealed record MatchingCandidates(Guid DemandId, string Tier, string TierReason, int ProvidersWanted, List<MatchingCandidate> Candidates);

public sealed record MatchingMilestone(string Name, DateTimeOffset At, string ActorId, string? Note, string? Outcome);

/// <summary>An engagement; <c>State</c> is <c>active</c> or <c>closed</c>; <c>Next</c> the milestone due.</summary>
public sealed record MatchingEngagement(Guid Id, Guid DemandId, Guid ProviderId, string ProviderName, string Team, string Tier, DateOnly FirstContactDueOn,
    string State, string? Outcome, List<MatchingMilestone> Milestones, DateTimeOffset StartedAt, string? Next, bool FirstContactOverdue, string? ClientId = null);

/// <summary>A person's record across the lifecycle: the stages reached (what reached each), everything done for them, newest first.</summary>
public sealed record LifecycleRecord(string PersonId, string? StageReached, List<LifecycleStageView> Stages, List<LifecycleItem> Timeline, bool SharedWithButlers);

public sealed record LifecycleStageView(string Code, bool Reached, DateTimeOffset? Since, string? ByZh, string? ByEn);

/// <summary>One fact: <c>Kind</c> applicationSubmitted, applicationDecided, rated, demand, visit, engagement or certified.</summary>
public sealed record LifecycleItem(DateTimeOffset At, string Kind, string? Reference, string? ItemCode, string? TitleZh, string? TitleEn, string? Outcome, string? Detail);

public sealed record MatchingSuggestion(Guid Id, string RuleCode, Guid SourceApplicationId, string MessageZh, string MessageEn, DateTimeOffset CreatedAt,
    DateTimeOffset? DismissedAt, string? ItemCode, string? ItemTitle, List<MatchingProvider> Providers);

public sealed record MatchingSuggestionDismissed(Guid Id, DateTimeOffset? DismissedAt);

public sealed record MatchingProposedDemand(string ClientName, string ClientKind, List<string> Domains, string Stage, List<string> ServiceTypes, string Description,
    string Tier, string Urgency);

/// <summary>A provider's proposal; <c>State</c> is <c>proposed</c>, <c>accepted</c> or <c>declined</c>; <c>Score</c> out of 1,000.</summary>
public sealed record MatchingProposal(Guid Id, Guid DemandId, int Score, string State, DateTimeOffset ProposedAt, DateTimeOffset? DecidedAt, MatchingProposedDemand? Demand);

public sealed record MatchingProposalDecided(Guid Id, string State);

public sealed record MatchingBatchResult(Guid BatchId, int Demands, int DemandsWaiting, int Providers, int Proposals, long Total, long GreedyTotal, double? ExactOverGreedy,
    int Rounds, long Milliseconds, int DemandsChanged);

public sealed record MatchingAuditEntry(Guid Id, DateTimeOffset At, string Actor, string Action, string Subject, int? Revision, System.Text.Json.JsonElement Details);

public sealed record MatchingAuditPage(List<MatchingAuditEntry> Items, int Page, int PageSize, int Total);

/// <summary>A batch run: who ran it, when, and its figures.</summary>
public sealed record MatchingBatchRun(DateTimeOffset At, string Actor, MatchingBatchResult Result)
{
    public static MatchingBatchRun Of(MatchingAuditEntry entry) =>
        new(entry.At, entry.Actor, System.Text.Json.JsonSerializer.Deserialize<MatchingBatchResult>(entry.Details.GetRawText(), Json.Options)!);
}

public sealed record MatchingBatchProposal(Guid Id, Guid DemandId, string Tier, string Urgency, string Stage, string Language, List<string> Domains, List<string> ServiceTypes,
    MatchingProvider Provider, int Score, string State, List<MatchingScoreComponent> Components);

/// <summary>A proposal to a market organisation, answered by operators for it.</summary>
public sealed record MarketProposal(MatchingProposal Proposal, string ProviderName, string Organisation);
