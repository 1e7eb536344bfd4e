extern alias applications;
extern alias catalogue;
extern alias exchange;
extern alias feedback;
extern alias identity;
extern alias matching;
extern alias notifications;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// Every endpoint of every service × anonymous, talent, enterprise, staff of the owning department and of another,
/// commissioner, butler, broker, operator and the municipal client, against <c>AccessMatrix.json</c>. Figure: 0 leaks.
/// </summary>
public sealed class AccessMatrixTests
{
    [Fact]
    public Task Applications_answers_every_persona_as_the_access_matrix_says() => CheckAsync<applications::Program>("applications");

    [Fact]
    public Task Catalogue_answers_every_persona_as_the_access_matrix_says() => CheckAsync<catalogue::Program>("catalogue");

    [Fact]
    public Task Feedback_answers_every_persona_as_the_access_matrix_says() => CheckAsync<feedback::Program>("feedback");

    [Fact]
    public Task Matching_answers_every_persona_as_the_access_matrix_says() => CheckAsync<matching::Program>("matching");

    [Fact]
    public Task Notifications_answers_every_persona_as_the_access_matrix_says() => CheckAsync<notifications::Program>("notifications");

    /// <summary>With demonstration data, so the municipal client holds its grant of the feed and the matrix asks authorization alone.</summary>
    [Fact]
    public Task Exchange_answers_every_persona_as_the_access_matrix_says() => CheckAsync<exchange::Program>("exchange", ("Exchange:DemoData", "true"));

    /// <summary>Identity trusts only its own tokens: each persona's comes from its own token endpoint (demonstration accounts).</summary>
    [Fact]
    public async Task Identity_answers_every_persona_as_the_access_matrix_says()
    {
        await using var host = await AccessIdentity.StartAsync();
        var tokens = await AccessIdentity.TokensAsync(host);
        await AccessMatrix.CheckAsync("identity", host.Factory.Services, persona => host.ClientAs(tokens[persona]));
    }

    private static async Task CheckAsync<TProgram>(string service, params (string Key, string Value)[] settings)
        where TProgram : class
    {
        await using var host = await ServiceHost<TProgram>.StartAsync(service, settings);
        await AccessMatrix.CheckAsync(service, host.Factory.Services, persona => host.ClientAs(AccessPersonas.TokenFor(persona, service)));
    }
}
