using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;

namespace Talent.Http;

/// <summary>
/// Optimistic concurrency over HTTP: a resource's revision is its ETag (<c>"3"</c>); a change sends it back in
/// <c>If-Match</c>. Missing: 428; not a revision or not the current one: 412. Both name the <c>If-Match</c> header.
/// </summary>
public static class Preconditions
{
    public static string ETagOf(long revision) => "\"" + revision.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>Sets the response's ETag to the revision.</summary>
    public static void SetETag(this HttpResponse response, long revision) => response.Headers.ETag = ETagOf(revision);

    /// <summary>The revision the client sent in If-Match, or a 428 (missing) or 412 (unreadable) problem.</summary>
    public static bool TryReadIfMatch(this HttpRequest request, out long revision, out ProblemHttpResult problem, string what = "the resource")
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        revision = 0;
        if (header.Length == 0)
        {
            problem = Problems.Of(StatusCodes.Status428PreconditionRequired, $"Send If-Match with {what}'s ETag. 请在 If-Match 中提供 ETag。", "If-Match");
            return false;
        }

        if (header.StartsWith("W/", StringComparison.Ordinal))
        {
            header = header[2..];
        }

        if (!long.TryParse(header.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out revision))
        {
            problem = Stale(what);
            return false;
        }

        problem = null!;
        return true;
    }

    /// <summary>412: the resource changed since the client read it.</summary>
    public static ProblemHttpResult Stale(string what = "the resource", long? current = null) =>
        Problems.Of(StatusCodes.Status412PreconditionFailed,
            $"{char.ToUpperInvariant(what[0])}{what[1..]} changed since you read it{(current is { } c ? $" (now revision {c})" : "")}. 内容已被他人修改，请刷新后重试。", "If-Match");

    /// <summary>A result with the revision as its ETag.</summary>
    public static WithETag<TResult> WithETag<TResult>(this TResult result, long revision)
        where TResult : IResult, IEndpointMetadataProvider => new(result, revision);
}

/// <summary>Any result, with an ETag header: keeps the inner result's type for OpenAPI.</summary>
public sealed class WithETag<TResult>(TResult inner, long revision) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult
    where TResult : IResult, IEndpointMetadataProvider
{
    public TResult Inner => inner;

    public int? StatusCode => (inner as IStatusCodeHttpResult)?.StatusCode;

    public object? Value => (inner as IValueHttpResult)?.Value;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.SetETag(revision);
        return inner.ExecuteAsync(httpContext);
    }

    public static void PopulateMetadata(System.Reflection.MethodInfo method, Microsoft.AspNetCore.Builder.EndpointBuilder builder) =>
        TResult.PopulateMetadata(method, builder);
}
