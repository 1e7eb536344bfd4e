using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>The services' token handler remembers tokens it accepted, never past their expiry, never a refused one.</summary>
public sealed class RememberingTokenHandlerTests
{
    private static readonly SymmetricSecurityKey WrongKey = new(Encoding.UTF8.GetBytes("another-key-another-key-another-key-0123"));

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
        var second = await handler.ValidateTokenAsync(token, Parameters(WrongKey));
        Assert.True(second.IsValid);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.True(new ClaimsPrincipal(second.ClaimsIdentity).IsInRole("operator"));
        Assert.False(new ClaimsPrincipal(second.ClaimsIdentity).IsInRole("added-by-a-caller"));
        Assert.Equal("test-operator", second.ClaimsIdentity.Name);

        // What one remembered answer's caller adds is not in the next one's.
        second.ClaimsIdentity.AddClaim(new Claim("role", "added-by-another-caller"));
        var third = await handler.ValidateTokenAsync(token, Parameters(WrongKey));
        Assert.True(third.IsValid);
        Assert.False(new ClaimsPrincipal(third.ClaimsIdentity).IsInRole("added-by-another-caller"));
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
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task A_remembered_token_is_refused_once_it_expires()
    {
        // The handler's clock moves on (the base handler's lifetime check reads the real one); the token lives two
        // minutes, less than the five a token is remembered. The wrong key tells a remembered answer from a checked one.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var handler = new RememberingTokenHandler(clock);
        var token = TestTokens.For("short-lived", "catalogue", ["operator"], lifetime: TimeSpan.FromMinutes(2));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters())).IsValid);

        clock.Advance(TimeSpan.FromSeconds(110));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(WrongKey))).IsValid);

        clock.Advance(TimeSpan.FromSeconds(15));
        Assert.False((await handler.ValidateTokenAsync(token, Parameters(WrongKey))).IsValid);
        Assert.Equal(0, handler.Count);
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
