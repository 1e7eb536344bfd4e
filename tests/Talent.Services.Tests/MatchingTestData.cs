extern alias matching;
using matching::Talent.Matching.Data;
using matching::Talent.Matching.Demands;
using matching::Talent.Matching.Matching;
using matching::Talent.Matching.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Talent.Services.Tests;

/// <summary>Providers and demands written straight into matching's database, and reads of it, for the matching tests.</summary>
internal static class MatchingTestData
{
    /// <summary>The matching tests that fire many requests at once run one after another, so they do not starve each other.</summary>
    public const string Collection = "Matching under concurrent requests";

    public static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    /// <summary>An approved principal broker who serves every domain and stage in financing, signed in as <paramref name="userId"/>.</summary>
    public static Provider Broker(string userId, int capacity) => Provider.Create(userId, new Provider.Profile(
        $"经纪人 {userId}", "broker", "测试孵化器", "incubator", null, [], [.. Vocabulary.Domains.Codes], ["financing"], [.. Vocabulary.Stages.Codes], ["zh"],
        capacity, true, 3, null), ProviderStatus.Approved, Now);

    /// <summary>A distinguished talent's financing demand: tier A, three providers wanted.</summary>
    public static Demand TierA(string client, int minutesAgo = 0) => Demand.Register(client, client, "talent", new Demand.Registration(
        ["biomedicine"], "pilot", ["financing"], "融资对接（测试）", "zh", "high", "distinguished", null, null, null, null, null), new TierOptions(), Now.AddMinutes(-minutesAgo));

    public static async Task AddAsync(IServiceProvider services, IEnumerable<object> entities, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchingDbContext>();
        db.AddRange(entities);
        await db.SaveChangesAsync(ct);
    }

    public static async Task<T> ReadAsync<T>(IServiceProvider services, Func<MatchingDbContext, Task<T>> read)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchingDbContext>();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return await read(db);
    }
}
