namespace Talent.Catalogue;

/// <summary>The catalogue's authorization policies, registered with the services and named by every feature's endpoints.</summary>
public static class CataloguePolicies
{
    /// <summary>Operators, and department staff, with the catalogue scope.</summary>
    public const string Editor = "catalogue-editor";

    /// <summary>Operators with the catalogue scope.</summary>
    public const string Operator = "catalogue-operator";

    /// <summary>The access-token scope both policies ask for.</summary>
    public const string Scope = "catalogue";

    public static IServiceCollection AddCataloguePolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Editor, AuthenticationExtensions.ScopeAndRole(Scope, "operator", "staff"))
            .AddPolicy(Operator, AuthenticationExtensions.ScopeAndRole(Scope, "operator"));
        return services;
    }
}
