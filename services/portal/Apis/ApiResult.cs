using System.Net;
using System.Text.Json;

namespace Talent.Portal.Apis;

/// <summary>
/// What an API answered: the value, or its problem details (status, title, and the errors by field, shown beside the
/// form's fields). <see cref="SignInRequired"/> means the person's session is gone: send them to sign in and back.
/// </summary>
public sealed record ApiResult<T>(T? Value, HttpStatusCode Status, string? Title, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Ok => (int)Status is >= 200 and < 300;

    public bool SignInRequired => Status == HttpStatusCode.Unauthorized;

    public bool NotFound => Status == HttpStatusCode.NotFound;

    public string? ErrorFor(string field) =>
        Errors.TryGetValue(field, out var messages) && messages.Length > 0 ? messages[0] : null;

    public static async Task<ApiResult<T>> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            var value = response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0
                ? default
                : await response.Content.ReadFromJsonAsync<T>(Json.Options, cancellationToken);
            return new ApiResult<T>(value, response.StatusCode, null, Empty);
        }

        string? title = null;
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        if (response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json")
        {
            try
            {
                using var problem = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
                var root = problem.RootElement;
                title = root.TryGetProperty("title", out var t) ? t.GetString() : null;
                if (root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
                {
                    foreach (var field in e.EnumerateObject())
                    {
                        errors[field.Name] = [.. field.Value.EnumerateArray().Select(m => m.GetString() ?? "")];
                    }
                }
                else if (root.TryGetProperty("field", out var f) && f.GetString() is { } name && title is not null)
                {
                    errors[name] = [title];
                }
            }
            catch (JsonException)
            {
            }
        }

        return new ApiResult<T>(default, response.StatusCode, title, errors);
    }

    private static readonly IReadOnlyDictionary<string, string[]> Empty = new Dictionary<string, string[]>();
}

public static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
