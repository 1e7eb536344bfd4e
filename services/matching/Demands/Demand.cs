using Talent.Matching.Matching;
using Talent.Matching.Visits;

namespace Talent.Matching.Demands;

public enum DemandState
{
    Open,
    Matched,
    Closed,
}

/// <summary>
/// A talent's or an enterprise's demand (摸底调研): domains, lifecycle stage, service types, a description, urgency and
/// the facts its tier (分层) is computed from; the tier sets how many providers are proposed, how senior, and the
/// first-contact deadline. Providers the person refused, and providers who declined, are never proposed again.
/// </summary>
public sealed class Demand
{
    public const int DescriptionMaxLength = 2000;
    public const int TalentDesignationMaxLength = 40;
    public const int ClientNameMaxLength = 200;
    public static readonly string[] Urgencies = ["low", "normal", "high"];

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string ClientId { get; private set; } = "";

    public string ClientName { get; private set; } = "";

    /// <summary>talent or enterprise.</summary>
    public string ClientKind { get; private set; } = "talent";

    public List<string> Domains { get; private set; } = [];

    public string Stage { get; private set; } = "";

    public List<string> ServiceTypes { get; private set; } = [];

    public string Description { get; private set; } = "";

    public string Language { get; private set; } = "zh";

    public string Urgency { get; private set; } = "normal";

    public string? TalentDesignation { get; private set; }

    public decimal? FundingRaisedWan { get; private set; }

    public decimal? RevenueWan { get; private set; }

    public int? Patents { get; private set; }

    public int? Headcount { get; private set; }

    public string Tier { get; private set; } = "C";

    public string TierReason { get; private set; } = "";

    /// <summary>For a talent: <c>certified</c> (a municipal system's certification, 人才认定), <c>selfDeclared</c>, or null (none counted).</summary>
    public string? DesignationSource { get; private set; }

    public int ProvidersWanted { get; private set; } = 1;

    public int MinSeniority { get; private set; } = 1;

    public int FirstContactDays { get; private set; } = 3;

    /// <summary>Providers the person does not want.</summary>
    public List<Guid> Refused { get; private set; } = [];

    /// <summary>Providers who declined a proposal for this demand.</summary>
    public List<Guid> Declined { get; private set; } = [];

    public DemandState State { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The commissioner or butler who recorded it at a visit (摸底调研) on the person's behalf; null when the person registered it.</summary>
    public string? RecordedById { get; private set; }

    public string? RecordedByName { get; private set; }

    public Guid? VisitId { get; private set; }

    /// <summary>When the person last corrected it (a demand recorded for them is theirs to correct), and how often.</summary>
    public DateTimeOffset? CorrectedAt { get; private set; }

    public int Corrections { get; private set; }

    private Demand()
    {
    }

    public sealed record Registration(List<string>? Domains, string? Stage, List<string>? ServiceTypes, string? Description, string? Language, string? Urgency,
        string? TalentDesignation, decimal? FundingRaisedWan, decimal? RevenueWan, int? Patents, int? Headcount, List<Guid>? Refused);

    public static Dictionary<string, string[]> Validate(Registration r)
    {
        var errors = new Dictionary<string, string[]>();
        if (Vocabulary.Domains.Check(r.Domains, true) is { } domains)
        {
            errors["domains"] = domains;
        }

        if (r.Stage is null || !Vocabulary.Stages.Contains(r.Stage))
        {
            errors["stage"] = [$"One of {string.Join(", ", Vocabulary.Stages.Codes)}. 请选择所处阶段。"];
        }

        if (Vocabulary.ServiceTypes.Check(r.ServiceTypes, true) is { } services)
        {
            errors["serviceTypes"] = services;
        }

        if (string.IsNullOrWhiteSpace(r.Description) || r.Description.Length > DescriptionMaxLength)
        {
            errors["description"] = [$"1 to {DescriptionMaxLength} characters. 需求描述须为 1 至 {DescriptionMaxLength} 字。"];
        }

        if (r.TalentDesignation is { } designation && (string.IsNullOrWhiteSpace(designation) || designation.Length > TalentDesignationMaxLength))
        {
            errors["talentDesignation"] = [$"1 to {TalentDesignationMaxLength} characters, e.g. distinguished, leading, high-level. 人才层次不超过 {TalentDesignationMaxLength} 字。"];
        }

        if (r.Language is not null && !Vocabulary.Languages.Contains(r.Language))
        {
            errors["language"] = [$"One of {string.Join(", ", Vocabulary.Languages.Codes)}. 语言有误。"];
        }

        if (r.Urgency is not null && !Urgencies.Contains(r.Urgency))
        {
            errors["urgency"] = ["low, normal or high. 紧急程度有误。"];
        }

        foreach (var (field, value) in new[] { ("fundingRaisedWan", r.FundingRaisedWan), ("revenueWan", r.RevenueWan) })
        {
            if (value is < 0 or > 100_000_000)
            {
                errors[field] = ["0 to 100,000,000 (万元). 金额有误。"];
            }
        }

        if (r.Patents is < 0 or > 1_000_000)
        {
            errors["patents"] = ["0 or more. 专利数有误。"];
        }

        if (r.Headcount is < 0 or > 10_000_000)
        {
            errors["headcount"] = ["0 or more. 人数有误。"];
        }

        if (r.Refused is { Count: > 100 })
        {
            errors["refused"] = ["At most 100 providers. 最多排除 100 位。"];
        }

        return errors;
    }

    public static Demand Register(string clientId, string clientName, string clientKind, Registration r, TierOptions tiers, DateTimeOffset now, CertifiedDesignation? certified = null)
    {
        var demand = new Demand
        {
            ClientId = clientId,
            // The name comes from the token, not the form: a long one is shortened rather than refused.
            ClientName = clientName.Length > ClientNameMaxLength ? clientName[..ClientNameMaxLength] : clientName,
            ClientKind = clientKind,
            Domains = [.. r.Domains!.Distinct()],
            Stage = r.Stage!,
            ServiceTypes = [.. r.ServiceTypes!.Distinct()],
            Description = r.Description!.Trim(),
            Language = r.Language ?? "zh",
            Urgency = r.Urgency ?? "normal",
            TalentDesignation = r.TalentDesignation?.Trim(),
            FundingRaisedWan = r.FundingRaisedWan,
            RevenueWan = r.RevenueWan,
            Patents = r.Patents,
            Headcount = r.Headcount,
            Refused = [.. (r.Refused ?? []).Distinct()],
            CreatedAt = now,
        };
        demand.Classify(tiers, certified);
        return demand;
    }

    /// <summary>A need a commissioner or butler found at a visit, recorded as the person's demand on their behalf.</summary>
    public static Demand RecordAtVisit(SurveyClient client, Registration r, TierOptions tiers, DateTimeOffset now, CertifiedDesignation? certified, string visitorId, string visitorName, Guid visitId)
    {
        var demand = Register(client.Id, client.Name, client.Kind, r, tiers, now, certified);
        demand.RecordedById = visitorId;
        demand.RecordedByName = visitorName.Length > ClientNameMaxLength ? visitorName[..ClientNameMaxLength] : visitorName;
        demand.VisitId = visitId;
        return demand;
    }

    /// <summary>
    /// The person corrects an open demand (what a visitor recorded, or what they registered themselves): every field as in a
    /// registration, and the tier computed again from the facts now held. Nothing changes for a demand already matched or closed.
    /// </summary>
    public bool Correct(Registration r, TierOptions tiers, CertifiedDesignation? certified, DateTimeOffset now)
    {
        if (State != DemandState.Open)
        {
            return false;
        }

        Domains = [.. r.Domains!.Distinct()];
        Stage = r.Stage!;
        ServiceTypes = [.. r.ServiceTypes!.Distinct()];
        Description = r.Description!.Trim();
        Language = r.Language ?? Language;
        Urgency = r.Urgency ?? Urgency;
        TalentDesignation = r.TalentDesignation?.Trim();
        FundingRaisedWan = r.FundingRaisedWan;
        RevenueWan = r.RevenueWan;
        Patents = r.Patents;
        Headcount = r.Headcount;
        Refused = [.. (r.Refused ?? Refused).Distinct()];
        CorrectedAt = now;
        Corrections++;
        Classify(tiers, certified);
        return true;
    }

    /// <summary>
    /// Computes the tier and what it sets from the facts held, with a certified designation (if any) over the declared one;
    /// again when a certification arrives, changes or is revoked.
    /// </summary>
    public void Classify(TierOptions tiers, CertifiedDesignation? certified)
    {
        certified = ClientKind == "talent" ? certified : null;
        (Tier, TierReason) = tiers.Classify(new TierFacts(ClientKind, TalentDesignation, FundingRaisedWan, RevenueWan, Patents, Headcount, certified));
        DesignationSource = ClientKind != "talent" ? null
            : certified is not null ? "certified"
            : tiers.TierOf(TalentDesignation) != "C" ? "selfDeclared"
            : null;
        var rule = tiers.RuleFor(Tier);
        ProvidersWanted = rule.Providers;
        MinSeniority = rule.MinSeniority;
        FirstContactDays = rule.FirstContactDays;
    }

    public bool Excludes(Guid provider) => Refused.Contains(provider) || Declined.Contains(provider);

    public void DeclinedBy(Guid provider)
    {
        if (!Declined.Contains(provider))
        {
            Declined.Add(provider);
        }
    }

    public void Matched() => State = DemandState.Matched;

    public void Reopen() => State = DemandState.Open;

    public void Close() => State = DemandState.Closed;

    public DemandFacts Facts() => new(
        Vocabulary.Domains.Mask(Domains), Vocabulary.ServiceTypes.Mask(ServiceTypes), Vocabulary.Stages.Mask([Stage]), Vocabulary.Languages.Mask([Language]), MinSeniority);
}
