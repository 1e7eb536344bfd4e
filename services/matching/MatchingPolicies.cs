using Microsoft.AspNetCore.Authorization;

namespace Talent.Matching;

/// <summary>
/// Who may call what: people (their demands, proposals and engagements), providers (the proposals and engagements that
/// are theirs), coordinators (commissioners and operators: batches, every demand's candidates) and operators.
/// </summary>
public static class MatchingPolicies
{
    public const string User = "matching-user";
    public const string Client = "matching-client";
    public const string Provider = "matching-provider";
    public const string Coordinator = "matching-coordinator";

    /// <summary>A demand's candidates: its owner (an applicant; others' demands are not found), commissioners and operators.</summary>
    public const string Candidates = "matching-candidates";
    public const string Operator = "matching-operator";

    /// <summary>Who answers a proposal: the provider, or an operator for a market organisation without an account.</summary>
    public const string Responder = "matching-responder";

    /// <summary>Who visits talents and enterprises to survey their needs (摸底调研): commissioners and butlers.</summary>
    public const string Surveyor = "matching-surveyor";

    public static AuthorizationBuilder AddMatchingPolicies(this AuthorizationBuilder authorization, string scope) => authorization
        .AddPolicy(User, AuthenticationExtensions.ScopeAndRole(scope, "applicant", "staff", "commissioner", "butler", "broker", "operator"))
        .AddPolicy(Client, AuthenticationExtensions.ScopeAndRole(scope, "applicant"))
        .AddPolicy(Provider, AuthenticationExtensions.ScopeAndRole(scope, "commissioner", "butler", "broker"))
        .AddPolicy(Coordinator, AuthenticationExtensions.ScopeAndRole(scope, "commissioner", "operator"))
        .AddPolicy(Candidates, AuthenticationExtensions.ScopeAndRole(scope, "applicant", "commissioner", "operator"))
        .AddPolicy(Operator, AuthenticationExtensions.ScopeAndRole(scope, "operator"))
        .AddPolicy(Responder, AuthenticationExtensions.ScopeAndRole(scope, "commissioner", "butler", "broker", "operator"))
        .AddPolicy(Surveyor, AuthenticationExtensions.ScopeAndRole(scope, "commissioner", "butler"));
}
