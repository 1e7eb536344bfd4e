using System.Buffers.Text;
using System.Text.Json;

namespace Talent.Gateway;

/// <summary>
/// The <c>sub</c> claim of a request's bearer JWT, read without validating it: it only picks the rate-limit bucket,
/// and the services validate every token. Anything that is not a readable signed JWT counts as no subject.
/// </summary>
public static class BearerSubject
{
    private const int MaxTokenLength = 8192;
    private const int MaxSubjectLength = 200;

    public static string? Of(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.Length > MaxTokenLength || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // header.payload.signature: a JWS; an encrypted JWT (five parts) has no readable payload.
        var parts = header[7..].Trim().Split('.');
        if (parts.Length != 3 || parts[1].Length == 0)
        {
            return null;
        }

        try
        {
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            return payload.RootElement.ValueKind == JsonValueKind.Object
                && payload.RootElement.TryGetProperty("sub", out var sub)
                && sub.ValueKind == JsonValueKind.String
                && sub.GetString() is { Length: > 0 and <= MaxSubjectLength } subject
                    ? subject
                    : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }
}
