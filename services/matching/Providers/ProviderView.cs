namespace Talent.Matching.Providers;

/// <summary>A provider as every list and answer shows it: the profile, load, and the average of its ratings.</summary>
public sealed record ProviderView(Guid Id, string Name, string Team, string Organisation, string OrganisationKind, string? Department, IReadOnlyList<string> PolicyAreas,
    IReadOnlyList<string> Domains, IReadOnlyList<string> ServiceTypes, IReadOnlyList<string> Stages, IReadOnlyList<string> Languages, int Capacity, int Load, bool Available,
    int Seniority, ProviderStatus Status, double? Rating, int Ratings, string? Introduction)
{
    public static ProviderView Of(Provider p) => new(p.Id, p.Name, p.Team, p.Organisation, p.OrganisationKind, p.Department, p.PolicyAreas, p.Domains, p.ServiceTypes, p.Stages,
        p.Languages, p.Capacity, p.Load, p.Available, p.Seniority, p.Status, p.AverageRating, p.RatingCount, p.Introduction);
}
