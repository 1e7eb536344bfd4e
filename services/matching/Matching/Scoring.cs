namespace Talent.Matching.Matching;

/// <summary>What the scorer needs of a provider (masks of its vocabularies, capacity, load, rating).</summary>
public readonly record struct ProviderFacts(ulong Domains, ulong ServiceTypes, ulong Stages, ulong Languages, int Capacity, int Load, int Seniority, long RatingSum, int RatingCount, bool Eligible);

/// <summary>What the scorer needs of a demand.</summary>
public readonly record struct DemandFacts(ulong Domains, ulong ServiceTypes, ulong Stage, ulong Language, int MinSeniority);

/// <summary>One component of a score: its value from 0 to 1, its weight in points and the points it gives.</summary>
public sealed record ScoreComponent(string Name, double Value, int Weight, int Points, string Explanation);

/// <summary>
/// The explainable score of a provider for a demand, in points out of 1,000: domain overlap (share of the demand's domains
/// the provider covers) 350, service-type fit 250, stage fit 150, rating 150 (the average level with a prior of five
/// ratings at 3.5, so a few ratings move it little), load against capacity 50, language 50. A provider is excluded (no
/// score) when suspended, unavailable, at capacity, less senior than the demand's tier needs, refused by the demand, or
/// covering none of its domains and none of its service types.
/// </summary>
public static class Scoring
{
    public const int DomainWeight = 350;
    public const int ServiceWeight = 250;
    public const int StageWeight = 150;
    public const int RatingWeight = 150;
    public const int LoadWeight = 50;
    public const int LanguageWeight = 50;
    public const double PriorMean = 3.5;
    public const int PriorWeight = 5;

    /// <summary>The score in points, or −1 when excluded. Allocation-free: the batch calls it for every pair.</summary>
    public static int Points(in DemandFacts demand, in ProviderFacts provider)
    {
        if (!provider.Eligible || provider.Load >= provider.Capacity || provider.Seniority < demand.MinSeniority)
        {
            return -1;
        }

        var domains = ulong.PopCount(demand.Domains & provider.Domains);
        var services = ulong.PopCount(demand.ServiceTypes & provider.ServiceTypes);
        if (domains == 0 && services == 0)
        {
            return -1;
        }

        // Each component rounded on its own, as Explain shows them, so the parts add up to the score.
        return Round((double)DomainWeight * domains / Math.Max(1, ulong.PopCount(demand.Domains)))
            + Round((double)ServiceWeight * services / Math.Max(1, ulong.PopCount(demand.ServiceTypes)))
            + ((demand.Stage & provider.Stages) != 0 ? StageWeight : 0)
            + Round(RatingWeight * RatingValue(provider.RatingSum, provider.RatingCount))
            + Round(LoadWeight * (1.0 - ((double)provider.Load / provider.Capacity)))
            + ((demand.Language & provider.Languages) != 0 ? LanguageWeight : 0);
    }

    /// <summary>The rating as a value from 0 (all 1s) to 1 (all 5s), pulled towards 3.5 when there are few ratings.</summary>
    public static double RatingValue(long sum, int count) => ((sum + (PriorMean * PriorWeight)) / (count + PriorWeight) - 1) / 4;

    /// <summary>The same score, component by component, for people to read.</summary>
    public static IReadOnlyList<ScoreComponent> Explain(in DemandFacts demand, in ProviderFacts provider)
    {
        var domains = ulong.PopCount(demand.Domains & provider.Domains);
        var wanted = Math.Max(1, ulong.PopCount(demand.Domains));
        var services = ulong.PopCount(demand.ServiceTypes & provider.ServiceTypes);
        var needed = Math.Max(1, ulong.PopCount(demand.ServiceTypes));
        var rating = RatingValue(provider.RatingSum, provider.RatingCount);
        var average = provider.RatingCount == 0 ? (double?)null : (double)provider.RatingSum / provider.RatingCount;
        var load = 1.0 - ((double)provider.Load / Math.Max(1, provider.Capacity));
        return
        [
            Component("domain", (double)domains / wanted, DomainWeight, $"{domains}/{wanted} 个领域相符 domains covered"),
            Component("serviceType", (double)services / needed, ServiceWeight, $"{services}/{needed} 项服务类型相符 service types covered"),
            Component("stage", (demand.Stage & provider.Stages) != 0 ? 1 : 0, StageWeight, (demand.Stage & provider.Stages) != 0 ? "服务该阶段 serves this stage" : "不服务该阶段 does not serve this stage"),
            Component("rating", rating, RatingWeight, average is null ? "暂无评价，按先验 3.5 计 no ratings yet: prior 3.5" : $"{average:0.00} 分 / {provider.RatingCount} 条评价 (prior 3.5 × 5)"),
            Component("load", load, LoadWeight, $"{provider.Load}/{provider.Capacity} 在办 active engagements"),
            Component("language", (demand.Language & provider.Languages) != 0 ? 1 : 0, LanguageWeight, (demand.Language & provider.Languages) != 0 ? "语言相通 speaks the language" : "语言不通 does not speak the language"),
        ];
    }

    private static int Round(double points) => (int)Math.Round(points, MidpointRounding.AwayFromZero);

    private static ScoreComponent Component(string name, double value, int weight, string explanation) =>
        new(name, Math.Round(value, 4), weight, Round(value * weight), explanation);
}
