using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Talent.Services.Tests;

/// <summary>
/// The people (and the one machine) the access matrix asks about, as tokens for one service's audience, shaped as the
/// identity service issues them (<c>sub</c>, <c>name</c>, <c>role</c>, <c>scope</c>, <c>department</c>,
/// <c>applicant_kind</c>), signed with <see cref="TestTokens.Key"/>. Subjects are the demonstration accounts'.
/// </summary>
public static class AccessPersonas
{
    public const string Anonymous = "anonymous";
    public const string Talent = "talent";
    public const string Enterprise = "enterprise";
    public const string StaffOwner = "staffOwner";
    public const string StaffOther = "staffOther";
    public const string Commissioner = "commissioner";
    public const string Butler = "butler";
    public const string Broker = "broker";
    public const string Operator = "operator";
    public const string Municipal = "municipal";

    /// <summary>In the order of the matrix's columns.</summary>
    public static readonly string[] All = [Anonymous, Talent, Enterprise, StaffOwner, StaffOther, Commissioner, Butler, Broker, Operator, Municipal];

    /// <summary>The department whose records a service's probes use: HRSS leads them, STI is "another department".</summary>
    public static (string Owner, string Other) Departments(string service) => service == "catalogue" ? ("STI", "HRSS") : ("HRSS", "STI");

    /// <summary>The persona's token for the service (its scope and audience), or null for anonymous.</summary>
    public static string? TokenFor(string persona, string service)
    {
        var (owner, other) = Departments(service);
        return persona switch
        {
            Anonymous => null,
            Talent => Token("demo-talent1", service, ["applicant"], extra: [new("applicant_kind", "talent")]),
            Enterprise => Token("demo-enterprise1", service, ["applicant"], extra: [new("applicant_kind", "enterprise"), new("credit_code", "91500107MA5TALENT1")]),
            StaffOwner => Token(StaffSubject(owner), service, ["staff"], owner),
            StaffOther => Token(StaffSubject(other), service, ["staff"], other),
            Commissioner => Token("demo-commissioner1", service, ["commissioner"], "HRSS"),
            Butler => Token("demo-butler1", service, ["butler"]),
            Broker => Token("demo-broker1", service, ["broker"]),
            Operator => Token("demo-operator1", service, ["operator"]),
            // A client-credentials token (subject = client id, no role) with the municipal client's only scope. Its audience
            // is the service's, so nothing but the scope and role checks stands between it and the endpoint: the strict case.
            Municipal => Token("municipal-demo", service, [], scope: "exchange"),
            _ => throw new ArgumentOutOfRangeException(nameof(persona), persona, "not a persona"),
        };
    }

    private static string StaffSubject(string department) => department == "HRSS" ? "demo-staff-hr" : "demo-staff-sti";

    /// <summary>A subject with every role the services know and the owning department: passes every policy of the service.</summary>
    public static string Everyone(string service, string subject = "badinput-everyone") =>
        Token(subject, service, ["applicant", "staff", "operator", "commissioner", "butler", "broker"], Departments(service).Owner, extra: [new("applicant_kind", "talent")]);

    /// <summary>A token for a person: subject, audience (and scope, unless given), roles, department, extra claims.</summary>
    public static string Token(string subject, string audience, string[] roles, string? department = null, string? scope = null, Claim[]? extra = null)
    {
        var claims = new List<Claim> { new("sub", subject), new("name", subject), new("scope", scope ?? audience) };
        claims.AddRange(roles.Select(r => new Claim("role", r)));
        if (department is not null)
        {
            claims.Add(new Claim("department", department));
        }

        claims.AddRange(extra ?? []);
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TestTokens.Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = now.AddMinutes(-1),
            IssuedAt = now,
            Expires = now.AddMinutes(30),
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(TestTokens.Key, SecurityAlgorithms.HmacSha256),
        });
    }
}
