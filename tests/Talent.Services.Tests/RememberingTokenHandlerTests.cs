using System.Diagnostics;
using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>The services' token handler remembers tokens it accepted, never past their expiry, never a refused one.</summary>
public sealed class RememberingTokenHandlerTests
{
    private static TokenValidationParameters Parameters(SecurityKey? key = null) => new()
    {
        ValidIssuer = TestTokens.Issuer,
        ValidAudience = "catalogue",
        IssuerSigningKey = key ?? TestTokens.Key,
        ValidTypes = ["at+jwt"],
        ClockSkew = TimeSpan.Zero,
        NameClaimType = "name",
        RoleClaimType = "role",
    };

    [Fact]
    public async Task A_token_accepted_once_skips_the_signature_check_and_each_caller_gets_its_own_identity()
    {
        var handler = new RememberingTokenHandler(TimeProvider.System);
        var token = TestTokens.Operator("catalogue");

        var first = await handler.ValidateTokenAsync(token, Parameters());
        Assert.True(first.IsValid, first.Exception?.Message);
        first.ClaimsIdentity.AddClaim(new Claim("role", "added-by-a-caller"));

        // A key that would refuse it: the second answer comes from memory.
        var second = await handler.ValidateTokenAsync(token, Parameters(new SymmetricSecurityKey(Encoding.UTF8.GetBytes("another-key-another-key-another-key-0123"))));
        Assert.True(second.IsValid);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.True(new ClaimsPrincipal(second.ClaimsIdentity).IsInRole("operator"));
        Assert.False(new ClaimsPrincipal(second.ClaimsIdentity).IsInRole("added-by-a-caller"));
        Assert.Equal("test-operator", second.ClaimsIdentity.Name);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task A_refused_token_is_not_remembered_and_a_changed_signature_is_checked()
    {
        var handler = new RememberingTokenHandler(TimeProvider.System);
        var token = TestTokens.Operator("catalogue");
        var foreign = TestTokens.Operator("feedback");
        Assert.False((await handler.ValidateTokenAsync(foreign, Parameters())).IsValid);
        Assert.Equal(0, handler.Count);

        Assert.True((await handler.ValidateTokenAsync(token, Parameters())).IsValid);
        var signature = token[(token.LastIndexOf('.') + 1)..];
        var tampered = token[..(token.LastIndexOf('.') + 1)] + (signature[0] == 'A' ? 'B' : 'A') + signature[1..];
        Assert.False((await handler.ValidateTokenAsync(tampered, Parameters())).IsValid);
    }

    [Fact]
    public async Task A_remembered_token_is_refused_once_it_expires()
    {
        var handler = new RememberingTokenHandler(TimeProvider.System);
        var token = TestTokens.For("short-lived", "catalogue", ["operator"], lifetime: TimeSpan.FromSeconds(2));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters())).IsValid);

        // Remembered for at most five minutes, but never past its expiry (whole seconds, no skew here).
        var deadline = Stopwatch.StartNew();
        while ((await handler.ValidateTokenAsync(token, Parameters())).IsValid)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(15), "the expired token was still accepted");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task It_remembers_at_most_its_capacity()
    {
        var handler = new RememberingTokenHandler(TimeProvider.System, capacity: 2);
        foreach (var subject in new[] { "a", "b", "c", "d", "e" })
        {
            Assert.True((await handler.ValidateTokenAsync(TestTokens.For(subject, "catalogue", ["operator"]), Parameters())).IsValid);
            Assert.InRange(handler.Count, 1, 2);
        }
    }
}
