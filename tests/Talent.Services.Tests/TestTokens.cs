using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Talent.Services.Tests;

/// <summary>
/// Access tokens for a service started in-process (<see cref="ServiceHost{TProgram}"/>): signed with a key only these tests
/// know, for the issuer the host is told to trust, shaped as the identity service issues them (sub, name, role, scope,
/// department, one audience per API). The services' own validation runs unchanged; only its key and issuer are the test's.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "https://identity.test/";

    public static readonly SymmetricSecurityKey Key = new(Encoding.UTF8.GetBytes("talent-services-tests-signing-key-0123456789abcdef"));

    /// <summary>A person: the subject, roles, the API scope (also the audience) and, for staff, the department.</summary>
    public static string For(string subject, string scope, string[] roles, string? department = null, string? name = null, TimeSpan? lifetime = null)
    {
        var claims = new List<Claim> { new("sub", subject), new("name", name ?? subject), new("scope", scope) };
        claims.AddRange(roles.Select(r => new Claim("role", r)));
        if (department is not null)
        {
            claims.Add(new Claim("department", department));
        }

        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = scope,
            Subject = new ClaimsIdentity(claims),
            NotBefore = now.AddMinutes(-1),
            IssuedAt = now,
            Expires = now + (lifetime ?? TimeSpan.FromMinutes(30)),
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
    }

    public static string Applicant(string scope, string subject = "test-talent") => For(subject, scope, ["applicant"]);

    public static string Staff(string scope, string department, string subject = "test-staff") => For(subject, scope, ["staff"], department);

    public static string Operator(string scope, string subject = "test-operator") => For(subject, scope, ["operator"]);
}
