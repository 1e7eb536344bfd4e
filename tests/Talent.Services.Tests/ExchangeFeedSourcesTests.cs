extern alias exchange;
extern alias feedback;
using System.Net.Http.Json;
using System.Text.Json;
using feedback::Talent.Feedback.Data;
using feedback::Talent.Feedback.Figures;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Talent.Contracts.Applications;
using Talent.Contracts.Feedback;
using Talent.Messaging.Outbox;
using Talent.Testing;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// The feed's other sources on a real broker and database: feedback publishes a closed month's figures once (not the
/// month still open), and the exchange serves them and a consented case's state as CloudEvents, each once.
/// </summary>
public sealed class ExchangeFeedSourcesTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Feedback_publishes_each_closed_month_s_figures_once_and_never_the_open_month()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ServiceHost<feedback::Program>.StartAsync("feedback", ("Feedback:PublishInterval", "12:00:00"));
        var now = DateTimeOffset.UtcNow;
        var closed = FigureCounters.MonthOf(now.AddMonths(-2));
        var open = FigureCounters.MonthOf(now);
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
            db.FigureCounters.AddRange(
                new FigureCounter { Month = closed, Scope = FigureCounters.All, Key = "", Reviews = 10, Satisfied = 8, Negative = 1 },
                new FigureCounter { Month = closed, Scope = FigureCounters.Department, Key = "HRSS", Reviews = 6, Satisfied = 5, Negative = 0 },
                new FigureCounter { Month = closed, Scope = FigureCounters.Department, Key = "STI", Reviews = 4, Satisfied = 3, Negative = 1 },
                new FigureCounter { Month = open, Scope = FigureCounters.All, Key = "", Reviews = 3, Satisfied = 3, Negative = 0 });
            await db.SaveChangesAsync(ct);
        }

        var publication = host.Factory.Services.GetRequiredService<FiguresPublication>();
        Assert.Equal(1, await publication.PublishAsync(ct));
        Assert.Equal(0, await publication.PublishAsync(ct));

        await using var check = host.Factory.Services.CreateAsyncScope();
        var bodies = await check.ServiceProvider.GetRequiredService<FeedbackDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.MessageType.Contains(nameof(SatisfactionFiguresPublished))).Select(m => m.Body).ToListAsync(ct);
        var published = JsonSerializer.Deserialize<SatisfactionFiguresPublished>(Assert.Single(bodies), JsonSerializerOptions.Web)!;
        Assert.Equal((closed.ToString("yyyy-MM"), 10, 8, 1), (published.Month, published.Reviews, published.Satisfied, published.Negative));
        Assert.Equal(["HRSS", "STI"], published.Departments.Select(d => d.Department));
    }

    [Fact]
    public async Task A_consented_case_state_and_a_month_s_figures_are_served_in_the_feed_each_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ServiceHost<exchange::Program>.StartAsync("exchange", ("Exchange:DemoData", "true"));
        var bus = host.Factory.Services.GetRequiredService<IBus>();
        using var client = host.ClientAs(AccessPersonas.Token("municipal-demo", "exchange", [], scope: "exchange"));

        var state = new ApplicationStateShared(Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), "TA-2026-000042", "talent-1", "TALENT-APARTMENT", 3, "HOUSING",
            "Accepted", DateTimeOffset.UtcNow.AddDays(-1), new DateOnly(2026, 12, 18));
        var figures = new SatisfactionFiguresPublished(Guid.NewGuid(), DateTimeOffset.UtcNow, "2026-10", 10, 8, 1, [new DepartmentSatisfaction("HRSS", 10, 8, 1)]);
        foreach (var message in new object[] { state, figures, figures with { EventId = Guid.NewGuid() } })
        {
            await bus.Publish(message, c => c.MessageId = ((Talent.Contracts.IIntegrationEvent)message).EventId, ct);
        }

        List<JsonElement> events = [];
        await Eventually.UntilAsync(async () => (events = [.. (await client.GetFromJsonAsync<JsonElement>("/exchange/v1/feed?limit=100", ct)).GetProperty("events").EnumerateArray()]).Count >= 2,
            Deadline, "both served");
        var served = events.Single(e => e.GetProperty("type").GetString() == "cn.talent.applications.application.state-changed.v1");
        Assert.Equal(("TA-2026-000042", "Accepted", "2026-12-18"), (served.GetProperty("subject").GetString(),
            served.GetProperty("data").GetProperty("state").GetString(), served.GetProperty("data").GetProperty("dueOn").GetString()));
        var month = events.Single(e => e.GetProperty("type").GetString() == "cn.talent.feedback.figures.published.v1");
        Assert.Equal(80.0, month.GetProperty("data").GetProperty("satisfactionRate").GetDouble());
        Assert.Equal("2026-10", month.GetProperty("subject").GetString());
    }
}
