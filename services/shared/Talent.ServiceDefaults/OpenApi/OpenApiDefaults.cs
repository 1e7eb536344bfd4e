using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Talent.OpenApi;

/// <summary>
/// What every service's OpenAPI document says beyond its endpoints: the bearer-token security scheme (tokens from the
/// identity service), which operations need it, and the 401/403 answers of those operations as problem details.
/// Endpoints document their own success types (typed results) and their 4xx answers (<c>ProducesProblem</c>).
/// </summary>
public static class OpenApiDefaults
{
    public const string Scheme = "Bearer";

    public static IServiceCollection AddTalentOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, context, _) =>
            {
                // Clients reach every service through the gateway, so operations are relative to wherever the document
                // was fetched from (the service's own address would be wrong outside the machine).
                document.Servers = [new OpenApiServer { Url = "/", Description = "the gateway this document was fetched from" }];
                document.Info ??= new OpenApiInfo();
                document.Info.Title = context.ApplicationServices.GetService<Microsoft.Extensions.Hosting.IHostEnvironment>()?.ApplicationName ?? document.Info.Title;
                document.Info.Description ??= "Talent, the full-lifecycle service platform for talents and start-ups (人才创新创业全生命周期服务平台). Errors are RFC 7807 problem details naming the field.";
                document.Info.License ??= new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Talent-Proprietary" };
                foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
                {
                    tag.Description ??= $"{tag.Name}: see this service's README for the rules behind these operations.";
                }

                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "An access token from the identity service (/identity/connect/token through the gateway) with this API's scope.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                // Everything not marked anonymous needs a token (the fallback policy), whether or not it names a policy;
                // an anonymous operation says so with an empty requirement.
                if (metadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Security = [];
                    return Task.CompletedTask;
                }

                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = [] });
                operation.Responses ??= new OpenApiResponses();
                operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid access token." });
                operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The token lacks this API's scope or the role the operation needs." });
                return Task.CompletedTask;
            });
        });
}
