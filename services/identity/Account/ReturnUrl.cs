namespace Talent.Identity.Account;

/// <summary>
/// Where the sign-in page may send a person back to: a path on this server, under the identity's own base, and
/// nothing a browser could read as another host. Browsers drop tabs and line breaks and treat <c>\</c> as <c>/</c>,
/// so <c>/%09/evil.example</c> or <c>/\evil.example</c> become <c>//evil.example</c>: such values are refused, after
/// decoding as many times as a chain of redirects might.
/// </summary>
public static class ReturnUrl
{
    private const int MaxLength = 4096;
    private static readonly Uri Probe = new("http://identity.invalid/");

    /// <summary>The return URL when it is safe to follow, else the identity's start page.</summary>
    public static string SafeOrDefault(string? candidate, PathString pathBase) =>
        IsLocal(candidate, pathBase) ? candidate! : pathBase + "/";

    public static bool IsLocal(string? candidate, PathString pathBase)
    {
        // Percent-encoded in its query (the cookie handler and the authorize endpoint encode it); raw whitespace,
        // control characters and backslashes mean someone wrote it by hand.
        if (string.IsNullOrEmpty(candidate) || candidate.Length > MaxLength || candidate[0] != '/'
            || candidate.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\'))
        {
            return false;
        }

        var end = candidate.IndexOfAny(['?', '#']);
        var path = Decoded(end < 0 ? candidate : candidate[..end]);
        if (path is null || !path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal)
            || path.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\')
            || path.Split('/').Any(segment => segment is "." or ".."))
        {
            return false;
        }

        if (pathBase.HasValue && !new PathString(path).StartsWithSegments(pathBase))
        {
            return false;
        }

        // Belt and braces: resolved against this server, it must stay on this server.
        return Uri.TryCreate(Probe, candidate, out var resolved)
            && resolved.IsAbsoluteUri
            && string.Equals(resolved.Authority, Probe.Authority, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The path decoded until it no longer changes (at most three times), or null if it keeps changing.</summary>
    private static string? Decoded(string path)
    {
        for (var i = 0; i < 3; i++)
        {
            var next = Uri.UnescapeDataString(path);
            if (next == path)
            {
                return path;
            }

            path = next;
        }

        return Uri.UnescapeDataString(path) == path ? path : null;
    }
}
