namespace Talent.Portal.Apis;

/// <summary>
/// The catalogue's public API through the gateway: search the directory, read an item and its versions. Public answers
/// are the same for everyone and are kept a few seconds (<see cref="PublicCatalogueCache"/>).
/// </summary>
public sealed class CatalogueApi(HttpClient http, PublicCatalogueCache cache)
{
    /// <summary>A page of the directory; <paramref name="fresh"/> asks the catalogue itself (the console lists what was just published).</summary>
    public async Task<ApiResult<SearchResult>> SearchAsync(SearchQuery query, CancellationToken ct, bool fresh = false)
    {
        var parameters = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parameters.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("q", query.Q);
        foreach (var stage in query.Stages)
        {
            Add("stage", stage);
        }

        Add("category", query.Category);
        foreach (var department in query.Departments)
        {
            Add("department", department);
        }

        Add("page", query.Page > 1 ? query.Page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        Add("pageSize", query.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var uri = "/api/catalogue/items?" + string.Join('&', parameters);
        async Task<ApiResult<SearchResult>> FetchAsync()
        {
            using var response = await http.GetAsync(uri, ct);
            return await ApiResult<SearchResult>.ReadAsync(response, ct);
        }

        return fresh ? await FetchAsync() : await cache.GetAsync(uri, FetchAsync);
    }

    /// <summary>The item's published version; <paramref name="fresh"/> asks the catalogue itself (applying needs the current form).</summary>
    public Task<ApiResult<PublishedItem>> ItemAsync(string code, CancellationToken ct, bool fresh = false)
    {
        var uri = $"/api/catalogue/items/{Uri.EscapeDataString(code)}";
        async Task<ApiResult<PublishedItem>> FetchAsync()
        {
            using var response = await http.GetAsync(uri, ct);
            return await ApiResult<PublishedItem>.ReadAsync(response, ct);
        }

        return fresh ? FetchAsync() : cache.GetAsync(uri, FetchAsync);
    }

    public Task<ApiResult<List<PublishedVersion>>> VersionsAsync(string code, CancellationToken ct) =>
        cache.GetAsync($"/api/catalogue/items/{Uri.EscapeDataString(code)}/versions", async () =>
        {
            using var response = await http.GetAsync($"/api/catalogue/items/{Uri.EscapeDataString(code)}/versions", ct);
            return await ApiResult<List<PublishedVersion>>.ReadAsync(response, ct);
        });

    public async Task<ApiResult<List<Department>>> DepartmentsAsync(CancellationToken ct)
    {
        using var response = await http.GetAsync("/api/catalogue/departments", ct);
        return await ApiResult<List<Department>>.ReadAsync(response, ct);
    }
}

public sealed record SearchQuery(string? Q, IReadOnlyList<string> Stages, string? Category, IReadOnlyList<string> Departments, int Page, int PageSize = 10);

public sealed record SearchResult(int Total, int Page, int PageSize, List<SearchHit> Items, Dictionary<string, List<FacetValue>> Facets);

public sealed record SearchHit(string Code, int Version, string TitleZh, string? TitleEn, string Category, List<string> Stages, string LeadDepartment, int CommittedLimitDays, int InPersonVisits, string Snippet, float Score);

public sealed record FacetValue(string Value, int Count);

public sealed record PublishedItem(string Code, int Version, DateTimeOffset? PublishedAt, ItemContent Content, FlowCard FlowCard);

public sealed record PublishedVersion(string Code, int Version, string State, DateTimeOffset? PublishedAt);

public sealed record Department(string Code, string NameZh, string? NameEn);

public sealed record ItemContent(string TitleZh, string? TitleEn, string SummaryZh, string? SummaryEn, string Category, List<string> Stages, List<string> Audience, string LeadDepartment, List<string> Keywords, List<string>? ServiceItems = null);

public sealed record FlowCard(
    List<string> Eligibility, List<RequiredMaterial> Materials, List<ProcedureStep> Steps, int StatutoryLimitDays, int CommittedLimitDays,
    Channels Channels, int InPersonVisits, List<Fee> Fees, List<string> LegalBasis, List<Faq> Faq, string? EnquiryPhone, string? ComplaintPhone, List<FormField> Form);

public sealed record RequiredMaterial(string Code, string NameZh, string? NameEn, string? Description, string Form, int Copies, bool Required, string Source, string? SourceDepartment)
{
    public bool NeedNotBeSubmitted => Source == "departmentData";
}

public sealed record ProcedureStep(int Order, string NameZh, string? NameEn, string Department, int LimitDays, bool CountsTowardLimit);

public sealed record Channels(bool Online, bool Mobile, List<ServiceWindow> Windows);

public sealed record ServiceWindow(string AddressZh, string? AddressEn, string Hours);

public sealed record Fee(string NameZh, decimal AmountYuan, string? Basis);

public sealed record Faq(string QuestionZh, string AnswerZh, string? QuestionEn, string? AnswerEn);

public sealed record FormField(string Code, string LabelZh, string? LabelEn, string Type, bool Required, int Order, List<FieldOption> Options);

public sealed record FieldOption(string Value, string LabelZh, string? LabelEn);
