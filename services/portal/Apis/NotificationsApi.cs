using System.Globalization;

namespace Talent.Portal.Apis;

/// <summary>The notifications API through the gateway, on the signed-in person's behalf: their inbox and their channel choices.</summary>
public sealed class NotificationsApi(HttpClient http)
{
    public Task<ApiResult<InboxPage>> InboxAsync(int page, int pageSize, bool unreadOnly, CancellationToken ct) =>
        GetAsync<InboxPage>(QueryString.Of("/api/notifications/mine", ("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null),
            ("pageSize", pageSize.ToString(CultureInfo.InvariantCulture)), ("unread", unreadOnly ? "true" : null)), ct);

    public Task<ApiResult<object>> MarkReadAsync(Guid id, CancellationToken ct) => PostAsync<object>($"/api/notifications/mine/{id}/read", null, ct);

    public Task<ApiResult<MarkedRead>> MarkAllReadAsync(CancellationToken ct) => PostAsync<MarkedRead>("/api/notifications/mine/read-all", null, ct);

    public Task<ApiResult<NotificationPreferences>> PreferencesAsync(CancellationToken ct) => GetAsync<NotificationPreferences>("/api/notifications/preferences", ct);

    public async Task<ApiResult<NotificationPreferences>> SetPreferencesAsync(string? language, IReadOnlyList<KindChoice> kinds, CancellationToken ct)
    {
        using var response = await http.PutAsJsonAsync("/api/notifications/preferences", new { language, kinds }, Json.Options, ct);
        return await ApiResult<NotificationPreferences>.ReadAsync(response, ct);
    }

    private async Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        return await ApiResult<T>.ReadAsync(response, ct);
    }

    private async Task<ApiResult<T>> PostAsync<T>(string path, object? body, CancellationToken ct)
    {
        using var response = body is null ? await http.PostAsync(path, null, ct) : await http.PostAsJsonAsync(path, body, Json.Options, ct);
        return await ApiResult<T>.ReadAsync(response, ct);
    }
}

/// <summary>One message in the person's inbox, written in their language when it was made.</summary>
public sealed record InboxNotification(Guid Id, string Kind, string Reference, string Language, string Title, string Body, string NextStep, DateOnly? DueOn, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public sealed record InboxPage(List<InboxNotification> Items, int Page, int PageSize, int Total, int Unread);

public sealed record MarkedRead(int Marked);

/// <summary>A channel (<c>inApp</c>, <c>email</c>, <c>sms</c>), whether it can send here, to which address, and why not.</summary>
public sealed record NotificationChannel(string Channel, bool Available, string? Address, string? Reason);

public sealed record KindChoice(string Kind, bool Email, bool Sms);

public sealed record NotificationPreferences(string Language, List<string> Languages, List<NotificationChannel> Channels, List<KindChoice> Kinds);
