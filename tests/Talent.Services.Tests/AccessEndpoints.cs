using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Talent.Services.Tests;

/// <summary>A parameter of an endpoint as the API description (or, without one, the route constraint) types it.</summary>
public sealed record EndpointParameter(string Name, Type Type);

/// <summary>
/// One method of one endpoint a service maps, with what the access matrix and the bad-input corpus need to call it: its
/// route parameters, its query parameters and its body type (from the OpenAPI registration's API description; an
/// endpoint excluded from the description has only its route, its body then unknown).
/// </summary>
public sealed partial record ServiceEndpoint(
    string Method, string Pattern, IReadOnlyList<EndpointParameter> Route, IReadOnlyList<EndpointParameter> Query, Type? BodyType, bool Described)
{
    /// <summary>The matrix's row key: <c>GET /api/applications/{id:guid}</c>.</summary>
    public string Key => $"{Method} {Pattern}";

    public bool HasBody => Method is "POST" or "PUT" or "PATCH";

    /// <summary>The path with each route parameter's value (escaped unless <paramref name="raw"/> says it is escaped already).</summary>
    public string PathWith(IReadOnlyDictionary<string, string> values, ISet<string>? raw = null) =>
        RouteParameterText().Replace(Pattern, m =>
        {
            var name = m.Groups["name"].Value;
            var value = values[name];
            return raw?.Contains(name) == true ? value : Uri.EscapeDataString(value);
        });

    /// <summary>Every endpoint of the service, one per method, ordered by pattern.</summary>
    public static IReadOnlyList<ServiceEndpoint> Of(IServiceProvider services)
    {
        var descriptions = services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .GroupBy(d => (Method: d.HttpMethod?.ToUpperInvariant() ?? "GET", Path: Normalize(d.RelativePath ?? "")))
            .ToDictionary(g => g.Key, g => g.First());
        var list = new List<ServiceEndpoint>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Select(m => m.ToUpperInvariant()))
            {
                descriptions.TryGetValue((method, Normalize(pattern)), out var description);
                list.Add(Describe(method, pattern, endpoint.RoutePattern, description));
            }
        }

        return [.. list.OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)];
    }

    private static ServiceEndpoint Describe(string method, string pattern, RoutePattern route, ApiDescription? description)
    {
        var parameters = description?.ParameterDescriptions ?? [];
        var routeParameters = route.Parameters.Select(p => new EndpointParameter(p.Name,
            parameters.FirstOrDefault(d => d.Source == BindingSource.Path && string.Equals(d.Name, p.Name, StringComparison.OrdinalIgnoreCase))?.Type
            ?? TypeOfConstraint(p))).ToList();
        var query = parameters.Where(d => d.Source == BindingSource.Query && !IsRoute(d, route))
            .Where(d => d.Type is not null)
            .Select(d => new EndpointParameter(d.Name, d.Type!)).DistinctBy(p => p.Name).ToList();
        var body = parameters.FirstOrDefault(d => d.Source == BindingSource.Body)?.Type;
        return new ServiceEndpoint(method, pattern, routeParameters, query, body, description is not null);
    }

    private static bool IsRoute(ApiParameterDescription d, RoutePattern route) =>
        route.Parameters.Any(p => string.Equals(p.Name, d.Name, StringComparison.OrdinalIgnoreCase));

    private static Type TypeOfConstraint(RoutePatternParameterPart parameter) =>
        parameter.ParameterPolicies.Select(p => p.Content).FirstOrDefault() switch
        {
            "guid" => typeof(Guid),
            "int" => typeof(int),
            "long" => typeof(long),
            _ => typeof(string),
        };

    /// <summary>A pattern without its leading slash, constraints, defaults and optional marks, for matching descriptions to endpoints.</summary>
    private static string Normalize(string pattern) =>
        RouteParameterText().Replace(pattern.Trim('/'), m => "{" + m.Groups["name"].Value.ToLowerInvariant() + "}").ToLowerInvariant();

    [GeneratedRegex(@"\{\**(?<name>[A-Za-z_][A-Za-z0-9_]*)[^}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex RouteParameterText();
}
