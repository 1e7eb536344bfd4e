using Talent.Matching.Matching;

namespace Talent.Matching.Providers;

public enum ProviderStatus
{
    Pending,
    Approved,
    Suspended,
}

/// <summary>
/// A policy service commissioner (人才服务专员), talent butler (人才管家) or tech broker (科创经纪人): what they cover, how
/// many engagements they take at once, their current load and their rating from evaluations. Providers edit their own
/// profile; operators approve and suspend.
/// </summary>
public sealed class Provider
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>The provider's account (the token's subject), when they have one.</summary>
    public string? UserId { get; private set; }

    public string Name { get; private set; } = "";

    public string Team { get; private set; } = "";

    public string Organisation { get; private set; } = "";

    /// <summary>department, incubator, investment, technology-transfer, service-centre.</summary>
    public string OrganisationKind { get; private set; } = "";

    /// <summary>For commissioners: their department and policy areas.</summary>
    public string? Department { get; private set; }

    public List<string> PolicyAreas { get; private set; } = [];

    public List<string> Domains { get; private set; } = [];

    public List<string> ServiceTypes { get; private set; } = [];

    public List<string> Stages { get; private set; } = [];

    public List<string> Languages { get; private set; } = [];

    public int Capacity { get; private set; } = 5;

    /// <summary>Active engagements.</summary>
    public int Load { get; private set; }

    public bool Available { get; private set; } = true;

    /// <summary>1 junior, 2 senior, 3 principal.</summary>
    public int Seniority { get; private set; } = 1;

    public ProviderStatus Status { get; private set; } = ProviderStatus.Pending;

    public long RatingSum { get; private set; }

    public int RatingCount { get; private set; }

    public string? Introduction { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    private Provider()
    {
    }

    public sealed record Profile(string? Name, string? Team, string? Organisation, string? OrganisationKind, string? Department, List<string>? PolicyAreas, List<string>? Domains,
        List<string>? ServiceTypes, List<string>? Stages, List<string>? Languages, int? Capacity, bool? Available, int? Seniority, string? Introduction);

    public const int DepartmentMaxLength = 20;

    /// <summary>What a market service organisation is (team <c>market</c>): law firm, accounting firm, IP agency, fund, consultancy, testing laboratory.</summary>
    public static readonly string[] MarketKinds = ["law-firm", "accounting-firm", "ip-agency", "fund", "consulting-firm", "testing-lab"];

    /// <summary>After <see cref="MarketKinds"/>, which it includes (static fields initialise in order).</summary>
    public static readonly string[] OrganisationKinds = ["department", "incubator", "investment", "technology-transfer", "service-centre", .. MarketKinds];

    public static Dictionary<string, string[]> Validate(Profile profile)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(profile.Name) || profile.Name.Length > 100)
        {
            errors["name"] = ["1 to 100 characters. 姓名须为 1 至 100 字。"];
        }

        if (profile.Team is null || !Vocabulary.Teams.Contains(profile.Team))
        {
            errors["team"] = ["commissioner, butler, broker or market. 团队为专员、管家、经纪人或市场服务机构。"];
        }

        if (string.IsNullOrWhiteSpace(profile.Organisation) || profile.Organisation.Length > 200)
        {
            errors["organisation"] = ["1 to 200 characters. 所属机构必填。"];
        }

        if (profile.OrganisationKind is null || !OrganisationKinds.Contains(profile.OrganisationKind))
        {
            errors["organisationKind"] = [$"One of {string.Join(", ", OrganisationKinds)}. 机构类型有误。"];
        }
        else if ((profile.Team == "market") != MarketKinds.Contains(profile.OrganisationKind))
        {
            errors["organisationKind"] = [$"A market organisation is one of {string.Join(", ", MarketKinds)}, and only it. 市场服务机构须为律所、会计师事务所、知识产权代理、基金、咨询或检测机构。"];
        }

        if (profile.Department is { Length: > DepartmentMaxLength })
        {
            errors["department"] = [$"At most {DepartmentMaxLength} characters (a department code such as HRSS). 部门不超过 {DepartmentMaxLength} 字。"];
        }

        foreach (var (field, vocabulary, values, required) in new[]
        {
            ("domains", Vocabulary.Domains, profile.Domains, true), ("serviceTypes", Vocabulary.ServiceTypes, profile.ServiceTypes, true),
            ("stages", Vocabulary.Stages, profile.Stages, true), ("languages", Vocabulary.Languages, profile.Languages, true),
        })
        {
            if (vocabulary.Check(values, required) is { } error)
            {
                errors[field] = error;
            }
        }

        if (profile.Capacity is null or < 1 or > 50)
        {
            errors["capacity"] = ["1 to 50 engagements at once. 同时服务 1 至 50 个对象。"];
        }

        if (profile.Seniority is not (null or 1 or 2 or 3))
        {
            errors["seniority"] = ["1 junior, 2 senior or 3 principal. 资历为 1、2 或 3。"];
        }

        if (profile.Introduction is { Length: > 1000 })
        {
            errors["introduction"] = ["At most 1,000 characters. 简介不超过 1000 字。"];
        }

        if (profile.PolicyAreas is { Count: > 20 } || profile.PolicyAreas?.Any(a => string.IsNullOrWhiteSpace(a) || a.Length > 40) == true)
        {
            errors["policyAreas"] = ["At most 20 areas of 1 to 40 characters. 政策领域不超过 20 项。"];
        }

        return errors;
    }

    public static Provider Create(string? userId, Profile profile, ProviderStatus status, DateTimeOffset now)
    {
        var provider = new Provider { UserId = userId, Status = status };
        provider.Edit(profile, now);
        return provider;
    }

    /// <summary>The provider's own edit (validated before); status, rating and load are not theirs to set.</summary>
    public void Edit(Profile profile, DateTimeOffset now)
    {
        Name = profile.Name!.Trim();
        Team = profile.Team!;
        Organisation = profile.Organisation!.Trim();
        OrganisationKind = profile.OrganisationKind!;
        Department = string.IsNullOrWhiteSpace(profile.Department) ? null : profile.Department.Trim();
        PolicyAreas = [.. (profile.PolicyAreas ?? []).Select(a => a.Trim()).Distinct()];
        Domains = [.. profile.Domains!.Distinct()];
        ServiceTypes = [.. profile.ServiceTypes!.Distinct()];
        Stages = [.. profile.Stages!.Distinct()];
        Languages = [.. profile.Languages!.Distinct()];
        Capacity = profile.Capacity!.Value;
        Available = profile.Available ?? true;
        Seniority = profile.Seniority ?? Seniority;
        Introduction = profile.Introduction?.Trim();
        UpdatedAt = now;
    }

    public void Approve(DateTimeOffset now)
    {
        Status = ProviderStatus.Approved;
        UpdatedAt = now;
    }

    public void Suspend(DateTimeOffset now)
    {
        Status = ProviderStatus.Suspended;
        UpdatedAt = now;
    }

    public void EngagementStarted() => Load++;

    public void EngagementEnded() => Load = Math.Max(0, Load - 1);

    public void Rated(int level)
    {
        RatingSum += level;
        RatingCount++;
    }

    public double? AverageRating => RatingCount == 0 ? null : Math.Round((double)RatingSum / RatingCount, 2);

    public ProviderFacts Facts(int pendingProposals = 0) => new(
        Vocabulary.Domains.Mask(Domains), Vocabulary.ServiceTypes.Mask(ServiceTypes), Vocabulary.Stages.Mask(Stages), Vocabulary.Languages.Mask(Languages),
        Capacity, Load + pendingProposals, Seniority, RatingSum, RatingCount, Status == ProviderStatus.Approved && Available);
}
