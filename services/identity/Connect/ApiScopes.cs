namespace Talent.Identity.Connect;

/// <summary>The API scopes and the audience (resource) each grants.</summary>
public static class ApiScopes
{
    public static readonly IReadOnlyDictionary<string, string> Audiences = new Dictionary<string, string>
    {
        ["catalogue"] = "catalogue",
        ["applications"] = "applications",
        ["feedback"] = "feedback",
        ["matching"] = "matching",
        ["exchange"] = "exchange",
        ["identity"] = "identity",
        ["notifications"] = "notifications",
    };
}
