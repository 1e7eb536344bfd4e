extern alias applications;
using System.Net;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>The in-process hosts trust test tokens exactly as the services trust the identity service's: signature, issuer, audience.</summary>
public sealed class TestTokensTests
{
    [Fact]
    public async Task A_service_accepts_a_test_token_and_refuses_a_forged_one_a_foreign_audience_and_none()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ServiceHost<applications::Program>.StartAsync("applications");

        using var talent = host.ClientAs(TestTokens.Applicant("applications"));
        Assert.Equal(HttpStatusCode.OK, (await talent.GetAsync("/api/applications/mine", ct)).StatusCode);

        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TestTokens.Issuer,
            Audience = "applications",
            Claims = new Dictionary<string, object> { ["sub"] = "x", ["scope"] = "applications", ["role"] = "applicant" },
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes("another-key-another-key-another-key-0123")), SecurityAlgorithms.HmacSha256),
        });
        using var forger = host.ClientAs(forged);
        Assert.Equal(HttpStatusCode.Unauthorized, (await forger.GetAsync("/api/applications/mine", ct)).StatusCode);

        using var foreign = host.ClientAs(TestTokens.Applicant("feedback"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await foreign.GetAsync("/api/applications/mine", ct)).StatusCode);

        using var anonymous = host.ClientAs(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/applications/mine", ct)).StatusCode);
    }
}
