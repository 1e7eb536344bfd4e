using System.Globalization;
using System.Net.Http.Json;

namespace Talent.Portal.Apis;

/// <summary>
/// The catalogue's reference data through the gateway, for operators: departments and policy documents (read by anyone,
/// created and replaced by operators, audited) and the search's synonym list (saved with If-Match of its revision).
/// </summary>
public sealed class ReferenceDataApi(HttpClient http)
{
    public Task<ApiResult<List<DepartmentRecord>>> DepartmentsAsync(CancellationToken ct) => GetAsync<List<DepartmentRecord>>("/api/catalogue/departments", ct);

    public Task<ApiResult<DepartmentRecord>> SaveDepartmentAsync(string code, DepartmentInput input, CancellationToken ct) =>
        SendAsync<DepartmentRecord>(HttpMethod.Put, $"/api/catalogue/departments/{Uri.EscapeDataString(code)}", input, null, ct);

    public Task<ApiResult<PolicyList>> PoliciesAsync(int page, CancellationToken ct) =>
        GetAsync<PolicyList>(QueryString.Of("/api/catalogue/policies", ("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null), ("pageSize", "50")), ct);

    public Task<ApiResult<PolicyRecord>> PolicyAsync(string code, CancellationToken ct) => GetAsync<PolicyRecord>($"/api/catalogue/policies/{Uri.EscapeDataString(code)}", ct);

    public Task<ApiResult<PolicyRecord>> SavePolicyAsync(string code, PolicyInput input, CancellationToken ct) =>
        SendAsync<PolicyRecord>(HttpMethod.Put, $"/api/catalogue/policies/{Uri.EscapeDataString(code)}", input, null, ct);

    public Task<ApiResult<SynonymList>> SynonymsAsync(CancellationToken ct) => GetAsync<SynonymList>("/api/catalogue/synonyms", ct);

    /// <summary>Replaces the list if it is still at <paramref name="revision"/> (412 when not; errors as <c>groups[g]</c> or <c>groups[g][t]</c>).</summary>
    public Task<ApiResult<SynonymList>> SaveSynonymsAsync(List<List<string>> groups, int revision, CancellationToken ct) =>
        SendAsync<SynonymList>(HttpMethod.Put, "/api/catalogue/synonyms", new { groups }, revision, ct);

    private async Task<ApiResult<T>> GetAsync<T>(string uri, CancellationToken ct)
    {
        using var response = await http.GetAsync(uri, ct);
        return await ApiResult<T>.ReadAsync(response, ct);
    }

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string uri, object body, int? revision, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = JsonContent.Create(body, body.GetType(), options: Json.Options) };
        if (revision is { } r)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{r.ToString(CultureInfo.InvariantCulture)}\"");
        }

        using var response = await http.SendAsync(request, ct);
        return await ApiResult<T>.ReadAsync(response, ct);
    }
}

public sealed record DepartmentRecord(string Code, string NameZh, string? NameEn, string? Phone, string? Address, string? OpeningHours);

public sealed record DepartmentInput(string? NameZh, string? NameEn, string? Phone, string? Address, string? OpeningHours);

public sealed record PolicyRecord(string Code, string TitleZh, string? TitleEn, string IssuingDepartment, string? DocumentNumber, DateOnly? IssuedOn, DateOnly? EffectiveFrom,
    DateOnly? ExpiresOn, string? Summary, string? SourceUrl, string Status);

public sealed record PolicyList(List<PolicyRecord> Items, int Page, int PageSize, int Total);

public sealed record PolicyInput(string? TitleZh, string? TitleEn, string? IssuingDepartment, string? DocumentNumber, DateOnly? IssuedOn, DateOnly? EffectiveFrom,
    DateOnly? ExpiresOn, string? Summary, string? SourceUrl, string? Status);

public sealed record SynonymList(List<List<string>> Groups, int Revision, string UpdatedBy, DateTimeOffset? UpdatedAt);
