extern alias applications;
extern alias catalogue;
extern alias exchange;
extern alias feedback;
extern alias identity;
extern alias matching;
extern alias notifications;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// Bad input over every endpoint (issue "no 500 on any input"): each service started once, every endpoint its endpoint
/// data source maps sent the whole <see cref="BadInputCorpus"/> by a caller every policy lets through (every role, the
/// owning department), with a fresh real record behind the route values where the test can make one, so that the cases
/// reach the handlers' own checks. Figure: no 5xx, and every 400 a problem details naming the field.
/// </summary>
public sealed class BadInputTests
{
    [Fact]
    public async Task No_applications_endpoint_answers_bad_input_with_a_500_or_a_400_without_a_field()
    {
        await using var host = await ServiceHost<applications::Program>.StartAsync("applications");
        var code = await AccessRecords.PublishedItemAsync(host.Factory.Services, AccessPersonas.Departments("applications").Owner);
        using var talent = host.ClientAs(AccessPersonas.TokenFor(AccessPersonas.Talent, "applications"));
        using var everyone = host.ClientAs(AccessPersonas.Everyone("applications"));
        await BadInputRun.RunAsync("applications", host.Factory.Services, everyone, async _ => new Dictionary<string, string>
        {
            ["id"] = (await AccessRecords.DraftApplicationAsync(talent, code)).ToString(), ["code"] = code, ["year"] = "2026", ["step"] = "1",
        });
    }

    [Fact]
    public async Task No_catalogue_endpoint_answers_bad_input_with_a_500_or_a_400_without_a_field()
    {
        await using var host = await ServiceHost<catalogue::Program>.StartAsync("catalogue", ("Catalogue:DemoData", "true"));
        var codes = new Queue<string>(await AccessRecords.CatalogueItemCodesAsync(host.Factory.Services));
        using var everyone = host.ClientAs(AccessPersonas.Everyone("catalogue"));
        var gate = new SemaphoreSlim(1);
        await BadInputRun.RunAsync("catalogue", host.Factory.Services, everyone, async _ =>
        {
            // An item of its own per endpoint (withdrawing or publishing one must not spoil the others' cases).
            await gate.WaitAsync(TestContext.Current.CancellationToken);
            var code = codes.Dequeue();
            gate.Release();
            return new Dictionary<string, string> { ["id"] = (await AccessRecords.CatalogueDraftAsync(everyone, code)).ToString(), ["code"] = code, ["a"] = "1", ["b"] = "1" };
        });
    }

    /// <summary>
    /// Twice: as a caller of every role (the operators' endpoints; a person is refused the client's), then as the
    /// municipal client holding its demonstration grant (the feed; the operators' refuse it).
    /// </summary>
    [Fact]
    public async Task No_exchange_endpoint_answers_bad_input_with_a_500_or_a_400_without_a_field()
    {
        await using var host = await ServiceHost<exchange::Program>.StartAsync("exchange", ("Exchange:DemoData", "true"));
        using var everyone = host.ClientAs(AccessPersonas.Everyone("exchange"));
        using var municipal = host.ClientAs(AccessPersonas.TokenFor(AccessPersonas.Municipal, "exchange"));
        static Task<IReadOnlyDictionary<string, string>> Records(ServiceEndpoint _) =>
            Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { ["clientId"] = "municipal-demo" });
        await BadInputRun.RunAsync("exchange", host.Factory.Services, everyone, Records);
        await BadInputRun.RunAsync("exchange", host.Factory.Services, municipal, Records);
    }

    [Fact]
    public async Task No_feedback_endpoint_answers_bad_input_with_a_500_or_a_400_without_a_field()
    {
        await using var host = await ServiceHost<feedback::Program>.StartAsync("feedback");
        using var everyone = host.ClientAs(AccessPersonas.Everyone("feedback"));
        await BadInputRun.RunAsync("feedback", host.Factory.Services, everyone, async _ => new Dictionary<string, string>
        {
            ["id"] = (await AccessRecords.TicketAsync(everyone)).ToString(), ["year"] = "2026",
        });
    }

    [Fact]
    public async Task No_matching_endpoint_answers_bad_input_with_a_500_or_a_400_without_a_field()
    {
        await using var host = await ServiceHost<matching::Program>.StartAsync("matching");
        using var everyone = host.ClientAs(AccessPersonas.Everyone("matching"));
        await BadInputRun.RunAsync("matching", host.Factory.Services, everyone, async _ => new Dictionary<string, string>
        {
            ["id"] = (await AccessRecords.DemandAsync(everyone)).ToString(), ["year"] = "2026",
        });
    }

    /// <summary>
    /// Notifications: the caller's own notification behind <c>{id}</c> (made from an event, as in production), so marking it
    /// read reaches the handler; a delivery retry with that id is a 404 (no such delivery).
    /// </summary>
    [Fact]
    public async Task No_notifications_endpoint_answers_bad_input_with_a_500_or_a_400_without_a_field()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ServiceHost<notifications::Program>.StartAsync("notifications");
        var bus = host.Factory.Services.GetRequiredService<IBus>();
        using var everyone = host.ClientAs(AccessPersonas.Everyone("notifications"));
        await BadInputRun.RunAsync("notifications", host.Factory.Services, everyone, async _ =>
        {
            var returned = new Talent.Contracts.Applications.ApplicationReturnedForSupplement(
                Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), "TL-BAD-INPUT", "badinput-everyone", "ITEM", "HRSS", null, "note");
            await bus.Publish(returned, c => c.MessageId = returned.EventId, ct);
            Guid? id = null;
            await Talent.Testing.Eventually.UntilAsync(async () =>
            {
                var inbox = await everyone.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/notifications/mine?pageSize=100", ct);
                id = inbox.GetProperty("items").EnumerateArray().Select(i => (Guid?)i.GetProperty("id").GetGuid()).FirstOrDefault(i => i is not null);
                return id is not null;
            }, TimeSpan.FromSeconds(30), "a notification of the caller's");
            return new Dictionary<string, string> { ["id"] = id!.Value.ToString() };
        });
    }

    /// <summary>
    /// Identity's admin API trusts only its own tokens: an operator's, from its password flow. Its OpenID Connect endpoints
    /// answer errors the protocol's way and its sign-in page as the page again: those are their standard answers.
    /// </summary>
    [Fact]
    public async Task No_identity_endpoint_answers_bad_input_with_a_500_or_a_400_without_a_field()
    {
        await using var host = await AccessIdentity.StartAsync();
        var tokens = await AccessIdentity.TokensAsync(host);
        using var operatorClient = host.ClientAs(tokens[AccessPersonas.Operator]);
        await BadInputRun.RunAsync("identity", host.Factory.Services, operatorClient,
            _ => Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { ["id"] = "demo-talent1" }),
            (endpoint, answer) => endpoint.Pattern.StartsWith("/connect/", StringComparison.Ordinal) ? OAuthError(answer)
                : endpoint.Pattern.StartsWith("/account/", StringComparison.Ordinal) && answer.MediaType == "text/html",
            endpoint => IdentityFormAsync(endpoint, host));
    }

    /// <summary>
    /// The forms the sign-in page and the token endpoint read, valid but for the field a case makes bad: a password grant of
    /// a demonstration account, and the page's form with the antiforgery token its page gave a browser-like client of its own
    /// (its cookie must not be replaced by the other cases' visits to the page).
    /// </summary>
    private static async Task<BadInputRun.FormSample?> IdentityFormAsync(ServiceEndpoint endpoint, ServiceHost<identity::Program> host)
    {
        switch (endpoint.Key)
        {
            case "POST /connect/token":
                return new(new Dictionary<string, string>
                {
                    ["grant_type"] = "password", ["client_id"] = "talent-dev", ["username"] = "talent1", ["password"] = AccessIdentity.Password, ["scope"] = "identity",
                });
            case "POST /account/login":
                var browser = host.ClientAs(null);
                var page = await browser.GetStringAsync("/account/login", TestContext.Current.CancellationToken);
                var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
                return new(
                    new Dictionary<string, string>
                    {
                        // A wrong password: a sign-in would bind the antiforgery token to a user, and the following cases would fail on it.
                        ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token), ["userName"] = "talent1", ["password"] = "not-the-password",
                        ["returnUrl"] = "/identity/", ["lang"] = "en",
                    },
                    browser);
            default:
                return null;
        }
    }

    /// <summary>
    /// An OpenID Connect error as OpenIddict answers it: a JSON error object (token endpoint), the error as plain text
    /// (authorization and end-session endpoints without a redirect URI to send it to), or the WWW-Authenticate header (userinfo).
    /// </summary>
    private static bool OAuthError(BadInputRun.Answer answer) =>
        (answer.MediaType == "application/json" && answer.Body.Contains("\"error\"", StringComparison.Ordinal))
        || (answer.MediaType == "text/plain" && answer.Body.StartsWith("error:", StringComparison.Ordinal))
        || (answer.Challenge?.Contains("error=", StringComparison.Ordinal) ?? false);
}
