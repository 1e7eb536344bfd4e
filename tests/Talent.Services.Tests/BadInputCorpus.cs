using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Talent.Services.Tests;

/// <summary>One bad request: what it tries, where it goes, its body (with its content type, if any) and extra headers.</summary>
public sealed record BadInputCase(string Name, string PathAndQuery, string? Body, string? ContentType, IReadOnlyList<(string Name, string Value)> Headers, bool FromForm = false);

/// <summary>
/// The corpus every endpoint is sent (issue "no 500 on any input"): bad route values (unknown but valid-shaped, invalid,
/// overflowing, negative, invalid UTF-8), bad query values per parameter (overflowing and negative numbers, unknown enum
/// values, 1 MB strings, invalid UTF-8, a NUL), bad headers, and for POST/PUT bad bodies (malformed and truncated JSON,
/// <c>null</c>, <c>[]</c>, a wrong or missing content type, an empty body, forms it cannot read, and the valid-shaped body
/// with one leaf at a time made bad: 1 MB strings, a NUL, a lone surrogate, overflowing and negative numbers, unknown enum
/// values, invalid ids and dates; a form an endpoint reads, one field at a time: 1 MB, a NUL, invalid UTF-8).
/// </summary>
public sealed class BadInputCorpus(BadInputBodies bodies)
{
    public static readonly string Megabyte = new('a', 1 << 20);

    /// <summary>Invalid UTF-8 as escaped in a URL.</summary>
    private static readonly string[] InvalidUtf8 = ["%C3%28", "%FF"];

    /// <summary>
    /// In a query string also a NUL, which PostgreSQL text cannot hold. (Not in a path: Kestrel refuses a path with a NUL
    /// before any service sees it, and the in-process server throws instead.)
    /// </summary>
    private static readonly string[] InvalidQueryText = [.. InvalidUtf8, "%00"];

    private const string LoneSurrogate = "lone-surrogate-here";

    private static readonly string[] Overflowing = ["2147483648", "99999999999999999999", "-1"];

    /// <summary>
    /// The cases for one endpoint; <paramref name="known"/> gives real records for route parameters by name, and
    /// <paramref name="form"/> a valid form for an endpoint that reads one (each of its fields is then made bad in turn).
    /// </summary>
    public IEnumerable<BadInputCase> For(ServiceEndpoint endpoint, IReadOnlyDictionary<string, string> known, IReadOnlyDictionary<string, string>? form = null)
    {
        var baseValues = endpoint.Route.ToDictionary(p => p.Name, p => known.GetValueOrDefault(p.Name) ?? Unknown(p.Type));
        var basePath = endpoint.PathWith(baseValues);
        var (sample, leaves) = bodies.Sample(endpoint.BodyType);
        var sampleText = sample.ToJsonString();
        string? body = endpoint.HasBody ? sampleText : null;
        string? json = endpoint.HasBody ? "application/json" : null;

        foreach (var parameter in endpoint.Route)
        {
            var values = new List<(string Value, bool Raw)> { (Unknown(parameter.Type), false), ("not-an-id", false) };
            values.AddRange(Overflowing.Select(v => (v, false)));
            values.AddRange(InvalidUtf8.Select(v => (v, true)));
            if (parameter.Type == typeof(string))
            {
                values.Add((Megabyte, false));
            }

            foreach (var (value, raw) in values)
            {
                var path = endpoint.PathWith(new Dictionary<string, string>(baseValues) { [parameter.Name] = value }, raw ? new HashSet<string> { parameter.Name } : null);
                yield return new($"route {parameter.Name}={Head(value)}", path, body, json, []);
            }
        }

        foreach (var parameter in endpoint.Query)
        {
            foreach (var (value, raw) in QueryValues(parameter.Type))
            {
                yield return new($"query {parameter.Name}={Head(value)}", $"{basePath}?{Uri.EscapeDataString(parameter.Name)}={(raw ? value : Uri.EscapeDataString(value))}", body, json, []);
            }
        }

        if (endpoint.Query.Count == 0)
        {
            yield return new("query unread q=%FF&%C3%28=%00", $"{basePath}?q=%FF&%C3%28=%00", body, json, []);
        }

        if (!endpoint.HasBody)
        {
            yield break;
        }

        yield return new("header If-Match overflowing", basePath, body, json, [("If-Match", "\"99999999999999999999\"")]);
        yield return new("header If-Match negative", basePath, body, json, [("If-Match", "\"-1\"")]);
        yield return new("header Idempotency-Key 1 MB", basePath, body, json, [("Idempotency-Key", Megabyte)]);

        yield return new("body malformed JSON", basePath, "{", "application/json", []);
        yield return new("body truncated JSON", basePath, sampleText[..(sampleText.Length / 2)], "application/json", []);
        yield return new("body null", basePath, "null", "application/json", []);
        yield return new("body []", basePath, "[]", "application/json", []);
        yield return new("body as text/plain", basePath, sampleText, "text/plain", []);
        yield return new("body without a content type", basePath, sampleText, null, []);
        yield return new("body empty", basePath, "", "application/json", []);
        if (endpoint.BodyType is null)
        {
            // Handlers that read the body themselves (forms, uploads, the OpenID Connect endpoints).
            yield return new("form 1 MB value", basePath, "a=" + Megabyte, "application/x-www-form-urlencoded", []);
            yield return new("form invalid UTF-8", basePath, "a=%FF&b=%C3%28", "application/x-www-form-urlencoded", []);
            yield return new("form truncated escape", basePath, "a=%", "application/x-www-form-urlencoded", []);
            yield return new("multipart without boundary", basePath, "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n", "multipart/form-data", []);
        }

        foreach (var field in form?.Keys ?? [])
        {
            // Values as escaped in the body: a NUL and invalid UTF-8 can only be sent that way.
            foreach (var (label, escaped) in new[] { ("1 MB", Megabyte), ("NUL character", "a%00b"), ("invalid UTF-8", "%FF%C3%28") })
            {
                var fields = form!.Select(f => $"{Uri.EscapeDataString(f.Key)}={(f.Key == field ? escaped : Uri.EscapeDataString(f.Value))}");
                yield return new($"form {field} {label}", basePath, string.Join("&", fields), "application/x-www-form-urlencoded", [], FromForm: true);
            }
        }

        foreach (var leaf in leaves)
        {
            foreach (var (label, value) in BadValues(leaf.Kind))
            {
                // The writer refuses to write a lone surrogate: it goes into the text after.
                var text = BadInputBodies.With(sample, leaf, value).ToJsonString().Replace($"\"{LoneSurrogate}\"", "\"a\\ud800b\"", StringComparison.Ordinal);
                yield return new($"body {leaf.Name} {label}", basePath, text, "application/json", []);
            }
        }
    }

    /// <summary>A value of the parameter's type that names nothing that exists.</summary>
    public static string Unknown(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) switch
        {
            var t when t == typeof(Guid) => Guid.NewGuid().ToString(),
            var t when t == typeof(int) || t == typeof(long) => "999999",
            _ => "UNKNOWN-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
        };

    private static IEnumerable<(string Value, bool Raw)> QueryValues(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        var values = new List<(string, bool)>(InvalidQueryText.Select(v => (v, true)));
        if ((t.IsPrimitive && t != typeof(bool)) || t == typeof(decimal))
        {
            values.AddRange(Overflowing.Select(v => (v, false)));
            values.Add(("abc", false));
        }
        else if (t == typeof(bool))
        {
            values.Add(("maybe", false));
        }
        else if (t == typeof(Guid))
        {
            values.Add(("not-a-guid", false));
        }
        else if (t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset))
        {
            values.Add(("2026-13-45", false));
        }
        else
        {
            // Strings, arrays of strings and enums: an unknown value, a long one, overflowing numbers where numbers are read.
            values.Add(("no-such-value", false));
            values.Add((Megabyte, false));
            values.AddRange(Overflowing.Select(v => (v, false)));
        }

        return values;
    }

    private static IEnumerable<(string Label, JsonNode? Value)> BadValues(BadInputBodies.LeafKind kind) => kind switch
    {
        // Besides 1 MB: a NUL, which PostgreSQL text cannot hold, and a lone surrogate, which is no UTF-8 at all.
        BadInputBodies.LeafKind.String or BadInputBodies.LeafKind.Other =>
            [("1 MB", JsonValue.Create(Megabyte)), ("NUL character", JsonValue.Create("a\u0000b")), ("lone surrogate", JsonValue.Create(LoneSurrogate))],
        BadInputBodies.LeafKind.Number =>
        [
            ("2147483648", JsonNode.Parse("2147483648")), ("99999999999999999999", JsonNode.Parse("99999999999999999999")),
            ("-1", JsonValue.Create(-1)), ("1e400", JsonNode.Parse("1e400")),
        ],
        BadInputBodies.LeafKind.Enum => [("unknown enum value", JsonValue.Create("no-such-value")), ("enum 999", JsonValue.Create(999))],
        BadInputBodies.LeafKind.Guid => [("invalid id", JsonValue.Create("not-a-guid"))],
        BadInputBodies.LeafKind.Date => [("invalid date", JsonValue.Create("2026-02-30"))],
        BadInputBodies.LeafKind.Boolean => [("not a boolean", JsonValue.Create("maybe"))],
        _ => [],
    };

    private static string Head(string value) => value.Length > 24 ? $"<{value.Length:N0} chars>" : value;

    /// <summary>The request message of a case (a fresh one per send).</summary>
    public static HttpRequestMessage Request(HttpMethod method, BadInputCase c)
    {
        var request = new HttpRequestMessage(method, new Uri(c.PathAndQuery, UriKind.Relative));
        if (c.Body is not null)
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(c.Body));
            if (c.ContentType is not null)
            {
                content.Headers.ContentType = MediaTypeHeaderValue.Parse(c.ContentType);
            }

            request.Content = content;
        }

        foreach (var (name, value) in c.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }
}
