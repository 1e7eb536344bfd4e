using Microsoft.EntityFrameworkCore;
using Talent.Matching.Data;
using Talent.Matching.Demands;
using Talent.Matching.Engagements;
using Talent.Matching.Matching;
using Talent.Matching.Providers;
using Talent.Data;

namespace Talent.Matching.Demo;

/// <summary>
/// DEMONSTRATION DATA (when <c>Matching:DemoData</c> is on), fictional people and organisations, seeded once: 60
/// approved providers across the three teams and the zone's industries (commissioner1, butler1 and broker1 are three of
/// them), demands of demo-talent1 and demo-enterprise1, and engagements at every milestone.
/// </summary>
public sealed class DemoMatching(IServiceScopeFactory scopes, TimeProvider time, IConfiguration configuration, ILogger<DemoMatching> logger) : BackgroundService
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "华", "慧", "建国", "晓东", "雪"];
    private static readonly string[] Industries = ["intelligent-connected-vehicles", "biomedicine", "new-materials", "artificial-intelligence", "energy-storage"];
    private static readonly (string Code, string NameZh)[] Departments =
        [("HRSS", "人力资源和社会保障局"), ("STI", "科技创新局"), ("HOUSING", "住房保障和房产管理局"), ("EDU", "教育局"), ("HEALTH", "卫生健康局"), ("FINANCE", "金融服务中心"), ("MARKET", "市场监督管理局"), ("IP", "知识产权局"), ("ECON", "经济和信息化局"), ("COMMERCE", "商务局")];
    private static readonly (string Name, string Kind)[] BrokerOrganisations =
        [("高新区创新孵化器（演示）", "incubator"), ("星火创投（演示）", "investment"), ("高校技术转移中心（演示）", "technology-transfer"), ("科创加速器（演示）", "incubator"), ("产业引导基金（演示）", "investment")];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue<bool>("Matching:DemoData"))
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var seeded = await SeedAsync(scope.ServiceProvider.GetRequiredService<MatchingDbContext>(), time.GetUtcNow(), stoppingToken);
            if (seeded > 0)
            {
                logger.LogInformation("Seeded {Count} demonstration providers with demands and engagements", seeded);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public static async Task<int> SeedAsync(MatchingDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        // Replicas starting together take turns: the second finds the providers there.
        await using var seeding = await StartupLock.TakeAsync(db, "matching-demo-data", ct);
        if (await db.Providers.AnyAsync(ct))
        {
            return 0;
        }

        var random = new Random(2026);
        var providers = new List<Provider>();
        for (var i = 0; i < 60; i++)
        {
            var team = i < 20 ? "commissioner" : i < 35 ? "butler" : "broker";
            var name = $"{Surnames[i % Surnames.Length]}{Given[(i * 7) % Given.Length]}";
            var department = Departments[i % Departments.Length];
            var organisation = BrokerOrganisations[i % BrokerOrganisations.Length];
            var industries = new[] { Industries[i % Industries.Length], Industries[(i + 2) % Industries.Length] }.Take(1 + (i % 2)).ToList();
            var profile = team switch
            {
                "commissioner" => new Provider.Profile($"人才服务专员 {name}", team, $"{department.NameZh}（演示）", "department", department.Code, ["人才认定", "项目申报"], industries,
                    ["policy", i % 3 == 0 ? "intellectual-property" : "consulting"], ["research", "proofOfConcept", "pilot", "commercialisation", "industrialisation", "matureEnterprise"],
                    i % 4 == 0 ? ["zh", "en"] : ["zh"], 8, true, 1 + (i % 3), "政策解读与申报辅导（演示数据）"),
                "butler" => new Provider.Profile($"人才管家 {name}", team, "高新区人才服务中心（演示）", "service-centre", null, [], industries,
                    ["life"], ["research", "proofOfConcept", "pilot", "commercialisation", "industrialisation", "matureEnterprise"], i % 3 == 0 ? ["zh", "en", "ja"] : ["zh", "en"], 10, true, 1 + (i % 3), "安居、子女入学、医疗保障（演示数据）"),
                _ => new Provider.Profile($"科创经纪人 {name}", team, organisation.Name, organisation.Kind, null, [], industries,
                    organisation.Kind switch { "investment" => ["financing", "consulting"], "technology-transfer" => ["technology-transfer", "technical"], _ => ["technical", "market-access", "consulting"] },
                    organisation.Kind == "investment" ? ["commercialisation", "industrialisation", "matureEnterprise"] : ["research", "proofOfConcept", "pilot", "commercialisation"],
                    i % 2 == 0 ? ["zh", "en"] : ["zh"], 5, true, 1 + (i % 3), "技术经纪、投融资对接（演示数据）"),
            };
            var userId = i switch { 0 => "demo-commissioner1", 20 => "demo-butler1", 35 => "demo-broker1", _ => null };
            var provider = Provider.Create(userId, profile, ProviderStatus.Approved, now);
            for (var r = 0; r < i % 9; r++)
            {
                provider.Rated(random.Next(3, 6));
            }

            providers.Add(provider);
        }

        db.Providers.AddRange(providers);
        var tiers = new TierOptions();
        var calendar = await ReadModels.CalendarCopy.CalendarAsync(db, ct);
        var demands = new[]
        {
            Demand.Register("demo-enterprise1", "智行科技有限公司 Zhixing Technology Co.", "enterprise", new Demand.Registration(
                ["intelligent-connected-vehicles", "artificial-intelligence"], "commercialisation", ["financing"], "A 轮融资对接，计划融资 3000 万元（演示）", "zh", "high", null, 800, 1200, 12, 60, null), tiers, now.AddDays(-30)),
            Demand.Register("demo-enterprise1", "智行科技有限公司 Zhixing Technology Co.", "enterprise", new Demand.Registration(
                ["intelligent-connected-vehicles"], "pilot", ["technical", "market-access"], "车规级芯片测试与准入咨询（演示）", "zh", "normal", null, 800, 1200, 12, 60, null), tiers, now.AddDays(-20)),
            Demand.Register("demo-talent1", "张明 Zhang Ming", "talent", new Demand.Registration(
                ["biomedicine"], "proofOfConcept", ["technology-transfer"], "新型药物递送专利的转化路径（演示）", "zh", "normal", "high-level", null, null, null, null, null), tiers, now.AddDays(-25)),
            Demand.Register("demo-talent1", "张明 Zhang Ming", "talent", new Demand.Registration(
                ["biomedicine"], "research", ["life"], "配偶就业与子女入学咨询（演示）", "zh", "normal", "high-level", null, null, null, null, null), tiers, now.AddDays(-15)),
            Demand.Register("demo-talent1", "张明 Zhang Ming", "talent", new Demand.Registration(
                ["biomedicine"], "pilot", ["policy"], "中试平台补助申报辅导（演示）", "zh", "normal", "high-level", null, null, null, null, null), tiers, now.AddDays(-10)),
            Demand.Register("demo-talent1", "张明 Zhang Ming", "talent", new Demand.Registration(
                ["biomedicine", "new-materials"], "research", ["intellectual-property"], "专利布局咨询（演示，已完成）", "zh", "normal", "high-level", null, null, null, null, null), tiers, now.AddDays(-40)),
            Demand.Register("demo-enterprise1", "智行科技有限公司 Zhixing Technology Co.", "enterprise", new Demand.Registration(
                ["energy-storage"], "industrialisation", ["consulting"], "储能产线扩建的管理咨询（演示，尚未对接）", "zh", "low", null, 800, 1200, 12, 60, null), tiers, now.AddDays(-2)),
        };
        db.Demands.AddRange(demands);

        // Engagements at every milestone: none yet, first contact, plan agreed, service delivered, outcome recorded, closed.
        for (var k = 0; k < 6; k++)
        {
            var demand = demands[k];
            var facts = demand.Facts();
            var provider = providers.Where(p => Scoring.Points(facts, p.Facts()) >= 0).OrderByDescending(p => Scoring.Points(facts, p.Facts())).ThenBy(p => p.Id).First();
            if (k == 0)
            {
                provider = providers[35]; // broker1's own engagement, so the demonstration broker has one to work on
            }

            var started = demand.CreatedAt.AddDays(1);
            var proposal = Proposal.For(demand.Id, provider.Id, Math.Max(0, Scoring.Points(facts, provider.Facts())), null, started);
            proposal.Accept(started.AddHours(2));
            db.Proposals.Add(proposal);
            var engagement = Engagement.Start(proposal, demand, provider, calendar, started.AddHours(2));
            provider.EngagementStarted();
            for (var m = 0; m < k; m++)
            {
                var milestone = Engagement.Order[m];
                engagement.Record(milestone, provider.UserId ?? $"demo-provider-{provider.Id:N}", "演示 demo", milestone == "outcomeRecorded" ? "financing" : null, started.AddDays(m + 1));
            }

            if (engagement.State == EngagementState.Closed)
            {
                provider.EngagementEnded();
            }

            demand.Matched();
            db.Engagements.Add(engagement);
        }

        await db.SaveChangesAsync(ct);
        return providers.Count;
    }
}
