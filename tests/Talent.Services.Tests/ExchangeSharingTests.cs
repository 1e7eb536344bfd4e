extern alias exchange;
extern alias standin;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Talent.Contracts.Exchange;
using Talent.Messaging.Outbox;
using Talent.Testing;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// 免提交 through the exchange, on a real broker and database, against the demonstration stand-in municipal system on a
/// loopback port: a record is obtained and kept with its source, time and hash; a person the source does not know is
/// notHeld; a department without a source is noSource; a source that refuses the exchange's key is unavailable. Each
/// submission is answered to applications once, all its materials together.
/// </summary>
public sealed class ExchangeSharingTests
{
    [Fact]
    public async Task The_exchange_asks_the_department_s_source_for_a_shared_material_and_tells_applications_what_came_back_with_its_source()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var standIn = new WebApplicationFactory<standin::Program>().WithWebHostBuilder(web => web.UseSetting("StandIn:ApiKey", "the-right-key"));
        standIn.UseKestrel(0);
        standIn.StartServer();
        var address = standIn.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        await using var host = await ServiceHost<exchange::Program>.StartAsync("exchange",
            ("Exchange:Sharing:Sources:POLICE:Name", "市公安数据（演示）"), ("Exchange:Sharing:Sources:POLICE:Url", address), ("Exchange:Sharing:Sources:POLICE:ApiKey", "the-right-key"),
            ("Exchange:Sharing:Sources:MARKET:Name", "市场监管数据（演示）"), ("Exchange:Sharing:Sources:MARKET:Url", address), ("Exchange:Sharing:Sources:MARKET:ApiKey", "a-wrong-key"));
        var bus = host.Factory.Services.GetRequiredService<IBus>();

        // One submission's four materials, and another person's (unknown to the source) on its own.
        var asked = new SharedMaterialsRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), "TA-2026-000001", "talent-1",
            [new("id-card", "POLICE"), new("degree", "EDU"), new("business-licence", "MARKET")]);
        var unknown = new SharedMaterialsRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), "TA-2026-000002", "unknown-talent", [new("id-card", "POLICE")]);
        foreach (var ask in new[] { asked, unknown, asked }) // the last a redelivery: asked once
        {
            await bus.Publish(ask, c => c.MessageId = ask.EventId, ct);
        }

        List<SharedMaterialsObtained> answers = [];
        await Eventually.UntilAsync(async () => (answers = await ToldAsync(host, ct)).Count >= 2, TimeSpan.FromSeconds(60), "an answer to each submission");
        Assert.Equal(2, answers.Count);
        var told = Assert.Single(answers, a => a.ApplicationId == asked.ApplicationId).Answers;
        Assert.Equal([("id-card", "obtained"), ("degree", "noSource"), ("business-licence", "unavailable")], told.Select(t => (t.MaterialCode, t.Status)));
        Assert.Equal("notHeld", Assert.Single(Assert.Single(answers, a => a.ApplicationId == unknown.ApplicationId).Answers).Status);

        var obtained = told.Single(t => t.Status == "obtained");
        Assert.Equal("市公安数据（演示）", obtained.Source);
        using var record = JsonDocument.Parse(obtained.Record!);
        Assert.Equal("talent-1", record.RootElement.GetProperty("subject").GetString());
        Assert.True(record.RootElement.GetProperty("demonstration").GetBoolean());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(obtained.Record!))), obtained.Sha256);
        Assert.Null(told.Single(t => t.Status == "noSource").Source);
        Assert.Contains("HTTP 401", told.Single(t => t.Status == "unavailable").Note);

        // The exchange keeps its own record of each ask, with what came back.
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var kept = await scope.ServiceProvider.GetRequiredService<exchange::Talent.Exchange.Data.ExchangeDbContext>().SharedRecords.AsNoTracking().ToListAsync(ct);
        Assert.Equal(4, kept.Count);
        Assert.Equal(obtained.Sha256, kept.Single(k => k.Status == "obtained").Sha256);
    }

    private static async Task<List<SharedMaterialsObtained>> ToldAsync(ServiceHost<exchange::Program> host, CancellationToken ct)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<exchange::Talent.Exchange.Data.ExchangeDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.MessageType.Contains(nameof(SharedMaterialsObtained))).Select(m => m.Body).ToListAsync(ct);
        return [.. rows.Select(r => JsonSerializer.Deserialize<SharedMaterialsObtained>(r, JsonSerializerOptions.Web)!)];
    }
}
