using System.Globalization;
using System.Net.Http.Json;

namespace Talent.Portal.Apis;

/// <summary>
/// The catalogue's editing API through the gateway, on the signed-in staff member's or operator's behalf: the open drafts
/// they may act on, a draft with its revision, what it changes against the published version, saving with If-Match,
/// submitting, and for operators returning with a comment, publishing and withdrawing. Never cached: each answer is the
/// person's own.
/// </summary>
public sealed class CatalogueEditingApi(HttpClient http)
{
    private const string Drafts = "/api/catalogue/drafts";

    public Task<ApiResult<DraftList>> DraftsAsync(string? state, int page, CancellationToken ct) =>
        GetAsync<DraftList>(QueryString.Of(Drafts, ("state", state), ("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null), ("pageSize", "20")), ct);

    public Task<ApiResult<DraftVersion>> DraftAsync(Guid id, CancellationToken ct) => GetAsync<DraftVersion>($"{Drafts}/{id}", ct);

    public Task<ApiResult<List<FieldChange>>> ChangesAsync(Guid id, CancellationToken ct) => GetAsync<List<FieldChange>>($"{Drafts}/{id}/changes", ct);

    /// <summary>The next version's draft, a copy of the published one (409 when a draft of the item is open already).</summary>
    public Task<ApiResult<DraftVersion>> StartNextAsync(string code, CancellationToken ct) =>
        PostAsync<DraftVersion>($"/api/catalogue/items/{Uri.EscapeDataString(code)}/drafts", null, ct);

    /// <summary>Replaces the draft's content and flow card if it is still at <paramref name="revision"/> (412 when not; errors by field path).</summary>
    public async Task<ApiResult<DraftVersion>> SaveAsync(Guid id, object content, object flowCard, int revision, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{Drafts}/{id}") { Content = JsonContent.Create(new { content, flowCard }, options: Json.Options) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{revision.ToString(CultureInfo.InvariantCulture)}\"");
        using var response = await http.SendAsync(request, ct);
        return await ApiResult<DraftVersion>.ReadAsync(response, ct);
    }

    public Task<ApiResult<DraftVersion>> SubmitAsync(Guid id, CancellationToken ct) => PostAsync<DraftVersion>($"{Drafts}/{id}/submit", null, ct);

    public Task<ApiResult<DraftVersion>> ReturnAsync(Guid id, string comment, CancellationToken ct) => PostAsync<DraftVersion>($"{Drafts}/{id}/return", new { comment }, ct);

    public Task<ApiResult<DraftVersion>> PublishAsync(Guid id, CancellationToken ct) => PostAsync<DraftVersion>($"{Drafts}/{id}/publish", null, ct);

    public Task<ApiResult<object>> WithdrawAsync(string code, string reason, CancellationToken ct) =>
        PostAsync<object>($"/api/catalogue/items/{Uri.EscapeDataString(code)}/withdraw", new { reason }, ct);

    private async Task<ApiResult<T>> GetAsync<T>(string uri, CancellationToken ct)
    {
        using var response = await http.GetAsync(uri, ct);
        return await ApiResult<T>.ReadAsync(response, ct);
    }

    private async Task<ApiResult<T>> PostAsync<T>(string uri, object? body, CancellationToken ct)
    {
        using var response = body is null ? await http.PostAsync(uri, null, ct) : await http.PostAsJsonAsync(uri, body, Json.Options, ct);
        return await ApiResult<T>.ReadAsync(response, ct);
    }
}

public sealed record DraftList(List<DraftSummary> Items, int Page, int PageSize, int Total);

public sealed record DraftSummary(Guid Id, string Code, int Version, int Revision, string State, string TitleZh, string? TitleEn, string LeadDepartment, string? ReturnComment, string LastEditedBy, DateTimeOffset LastEditedAt);

public sealed record DraftVersion(Guid Id, string Code, int Version, int Revision, string State, ItemContent Content, FlowCard FlowCard, string? ReturnComment, string LastEditedBy, DateTimeOffset LastEditedAt, DateTimeOffset? PublishedAt);

public sealed record FieldChange(string Path, string? Before, string? After);
