using System.Globalization;
using System.Net.Http.Json;

namespace Talent.Portal.Apis;

/// <summary>
/// The identity service's admin API through the gateway, on the signed-in operator's behalf (the API answers operators
/// only): people (find, create, change roles and department, reset a password, disable), the registered clients (a new
/// confidential client's secret is in the answer once), and the audit trail of every such change.
/// </summary>
public sealed class IdentityAdminApi(HttpClient http)
{
    private const string Users = "/identity/api/users";

    public Task<ApiResult<UserList>> UsersAsync(string? q, int page, CancellationToken ct) =>
        GetAsync<UserList>(QueryString.Of(Users, ("q", q), ("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null), ("pageSize", "20")), ct);

    /// <summary>The person with exactly this user name (the API finds by part of a name; the exact one is picked here), or 404.</summary>
    public async Task<ApiResult<UserView>> UserAsync(string userName, CancellationToken ct)
    {
        var found = await GetAsync<UserList>(QueryString.Of(Users, ("q", userName), ("pageSize", "100")), ct);
        if (!found.Ok)
        {
            return new ApiResult<UserView>(default, found.Status, found.Title, found.Errors);
        }

        var user = found.Value!.Items.FirstOrDefault(u => string.Equals(u.UserName, userName, StringComparison.Ordinal));
        return new ApiResult<UserView>(user, user is null ? System.Net.HttpStatusCode.NotFound : found.Status, null, found.Errors);
    }

    public Task<ApiResult<UserView>> CreateUserAsync(UserRequest user, CancellationToken ct) => SendAsync<UserView>(HttpMethod.Post, Users, user, ct);

    /// <summary>Changes what is given (null: unchanged); a new password also lifts a lockout.</summary>
    public Task<ApiResult<UserView>> UpdateUserAsync(string id, UserChange change, CancellationToken ct) =>
        SendAsync<UserView>(HttpMethod.Put, $"{Users}/{Uri.EscapeDataString(id)}", change, ct);

    public Task<ApiResult<object>> DisableUserAsync(string id, CancellationToken ct) => SendAsync<object>(HttpMethod.Post, $"{Users}/{Uri.EscapeDataString(id)}/disable", null, ct);

    public Task<ApiResult<List<ClientView>>> ClientsAsync(CancellationToken ct) => GetAsync<List<ClientView>>("/identity/api/clients", ct);

    public Task<ApiResult<CreatedClient>> CreateClientAsync(ClientRequest client, CancellationToken ct) => SendAsync<CreatedClient>(HttpMethod.Post, "/identity/api/clients", client, ct);

    public Task<ApiResult<AuditPage>> AuditAsync(int page, CancellationToken ct) =>
        GetAsync<AuditPage>(QueryString.Of("/identity/api/audit", ("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null), ("pageSize", "50")), ct);

    private async Task<ApiResult<T>> GetAsync<T>(string uri, CancellationToken ct)
    {
        using var response = await http.GetAsync(uri, ct);
        return await ApiResult<T>.ReadAsync(response, ct);
    }

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string uri, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: Json.Options) };
        using var response = await http.SendAsync(request, ct);
        return await ApiResult<T>.ReadAsync(response, ct);
    }
}

public sealed record UserList(List<UserView> Items, int Page, int PageSize, int Total);

public sealed record UserView(string Id, string UserName, string DisplayName, List<string> Roles, string? DepartmentCode, string? ApplicantKind, string? CreditCode, bool Disabled, bool LockedOut);

public sealed record UserRequest(string? UserName, string? DisplayName, string? Password, string[] Roles, string? DepartmentCode, string? ApplicantKind, string? CreditCode);

public sealed record UserChange(string? DisplayName = null, string[]? Roles = null, string? DepartmentCode = null, string? ApplicantKind = null, string? CreditCode = null, string? NewPassword = null);

public sealed record ClientView(string ClientId, string? DisplayName, string? Type, List<string> Permissions, List<string> RedirectUris);

public sealed record ClientRequest(string? ClientId, string? DisplayName, string? Type, string[] GrantTypes, string[] Scopes, string[] RedirectUris);

public sealed record CreatedClient(ClientView Client, string? ClientSecret);

public sealed record AuditPage(List<AuditEntry> Items, int Page, int PageSize, int Total);

public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, string Target, string? Details);
