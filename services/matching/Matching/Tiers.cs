namespace Talent.Matching.Matching;

/// <summary>What a tier (分层) sets: how many providers are proposed, how senior at least, and the first-contact deadline.</summary>
public sealed class TierRule
{
    public string Tier { get; set; } = "";

    public int Providers { get; set; } = 1;

    /// <summary>1 junior, 2 senior, 3 principal.</summary>
    public int MinSeniority { get; set; } = 1;

    public int FirstContactDays { get; set; } = 3;
}

/// <summary>
/// The facts a tier is computed from: a talent's designation (certified, when a municipal system certified one; else as
/// declared) or an enterprise's stage and indicators.
/// </summary>
public sealed record TierFacts(string ClientKind, string? TalentDesignation, decimal? FundingRaisedWan, decimal? RevenueWan, int? Patents, int? Headcount,
    CertifiedDesignation? Certified = null);

/// <summary>A designation certified by a municipal system (人才认定): which, by which programme and issuer, since when.</summary>
public sealed record CertifiedDesignation(string Designation, string Programme, string Issuer, DateOnly CertifiedOn);

/// <summary>
/// The <c>Matching:Tiers</c> configuration: tier A for the zone's distinguished and leading talents (or enterprises past
/// 5,000 万 funding, 10,000 万 revenue or 20 patents), B for high-level talents (or past 500 万 funding, 1,000 万 revenue,
/// 5 patents or 50 people), C otherwise; A gets three principal-or-senior providers and first contact within one working
/// day, B two within two, C one within three. Every threshold and number is configurable.
/// </summary>
public sealed class TierOptions
{
    public List<string> TierATalentDesignations { get; set; } = ["distinguished", "leading"];

    public List<string> TierBTalentDesignations { get; set; } = ["high-level", "outstanding-youth"];

    public decimal TierAFundingWan { get; set; } = 5000;

    public decimal TierARevenueWan { get; set; } = 10000;

    public int TierAPatents { get; set; } = 20;

    public decimal TierBFundingWan { get; set; } = 500;

    public decimal TierBRevenueWan { get; set; } = 1000;

    public int TierBPatents { get; set; } = 5;

    public int TierBHeadcount { get; set; } = 50;

    public List<TierRule> Rules { get; set; } = [];

    public static readonly TierRule[] DefaultRules =
    [
        new() { Tier = "A", Providers = 3, MinSeniority = 2, FirstContactDays = 1 },
        new() { Tier = "B", Providers = 2, MinSeniority = 1, FirstContactDays = 2 },
        new() { Tier = "C", Providers = 1, MinSeniority = 1, FirstContactDays = 3 },
    ];

    public TierRule RuleFor(string tier) =>
        (Rules.Count > 0 ? Rules : [.. DefaultRules]).FirstOrDefault(r => r.Tier == tier) ?? DefaultRules[^1];

    /// <summary>The tier a talent designation gives: A, B, or C for any other.</summary>
    public string TierOf(string? designation) =>
        designation is null ? "C" : TierATalentDesignations.Contains(designation) ? "A" : TierBTalentDesignations.Contains(designation) ? "B" : "C";

    /// <summary>The tier and why, in words; a talent's certified designation wins over the declared one, and the reason says which was used.</summary>
    public (string Tier, string Reason) Classify(TierFacts facts)
    {
        if (facts.ClientKind == "talent")
        {
            if (facts.Certified is { } certified)
            {
                return (TierOf(certified.Designation),
                    $"认定人才层次 certified designation: {certified.Designation} ({certified.Programme}, {certified.Issuer}, {certified.CertifiedOn:yyyy-MM-dd})");
            }

            var designation = facts.TalentDesignation;
            return designation is not null && TierOf(designation) != "C"
                ? (TierOf(designation), $"自报人才层次 self-declared designation: {designation}")
                : ("C", "未认定层次 no designation");
        }

        if (facts.FundingRaisedWan >= TierAFundingWan || facts.RevenueWan >= TierARevenueWan || facts.Patents >= TierAPatents)
        {
            return ("A", $"融资/营收/专利达到 A 档 funding ≥ {TierAFundingWan} 万, revenue ≥ {TierARevenueWan} 万 or patents ≥ {TierAPatents}");
        }

        if (facts.FundingRaisedWan >= TierBFundingWan || facts.RevenueWan >= TierBRevenueWan || facts.Patents >= TierBPatents || facts.Headcount >= TierBHeadcount)
        {
            return ("B", $"达到 B 档 funding ≥ {TierBFundingWan} 万, revenue ≥ {TierBRevenueWan} 万, patents ≥ {TierBPatents} or headcount ≥ {TierBHeadcount}");
        }

        return ("C", "初创企业 an early-stage enterprise");
    }
}
