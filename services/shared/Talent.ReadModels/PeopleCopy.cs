using MassTransit;
using Microsoft.EntityFrameworkCore;
using Talent.Contracts.People;

namespace Talent.ReadModels;

/// <summary>
/// This service's copy of a person in the identity service (table <c>people</c>), kept from <c>PersonChanged</c>: who
/// exists, with which roles and department, so requests naming a person (an applicant, a colleague) are checked without
/// calling the identity service. Events may arrive out of order: the one that occurred last wins.
/// </summary>
public sealed class PersonCopy
{
    public const int SubjectLength = 100;
    public const int DisplayNameLength = 200;
    public const int CodeLength = 20;

    /// <summary>The token subject (<c>sub</c>).</summary>
    public string Subject { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    public List<string> Roles { get; private set; } = [];

    /// <summary>For staff and commissioners.</summary>
    public string? Department { get; private set; }

    /// <summary>For applicants: <c>talent</c> or <c>enterprise</c>.</summary>
    public string? ApplicantKind { get; private set; }

    public bool Disabled { get; private set; }

    /// <summary>When the change applied here occurred at the identity service.</summary>
    public DateTimeOffset ChangedAt { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    private PersonCopy()
    {
    }

    public bool HasRole(string role) => Roles.Contains(role, StringComparer.Ordinal);

    public static PersonCopy From(PersonChanged changed, DateTimeOffset now)
    {
        var copy = new PersonCopy { Subject = changed.Subject, ChangedAt = DateTimeOffset.MinValue };
        copy.Apply(changed, now);
        return copy;
    }

    /// <summary>
    /// Takes the change unless one that occurred later was applied already (a replay of the same event changes nothing
    /// new). Values longer than their columns are cut rather than refused: the event is a fact, and losing it is worse.
    /// </summary>
    public bool Apply(PersonChanged changed, DateTimeOffset now)
    {
        if (changed.OccurredAt < ChangedAt)
        {
            return false;
        }

        DisplayName = Cut(changed.DisplayName, DisplayNameLength) ?? "";
        Roles = [.. (changed.Roles ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Distinct()];
        Department = Cut(changed.Department, CodeLength);
        ApplicantKind = Cut(changed.ApplicantKind, CodeLength);
        Disabled = changed.Disabled;
        ChangedAt = changed.OccurredAt;
        ReceivedAt = now;
        return true;
    }

    private static string? Cut(string? value, int length) => value is { } v && v.Length > length ? v[..length] : value;
}

public static class PeopleCopy
{
    /// <summary>
    /// The people whose account is <paramref name="query"/> or whose name contains it, case-insensitively, with LIKE's
    /// wildcards in the query taken literally.
    /// </summary>
    public static IQueryable<PersonCopy> NamedLike(this IQueryable<PersonCopy> people, string query)
    {
        var pattern = "%" + query.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
        return people.Where(p => p.Subject == query || EF.Functions.ILike(p.DisplayName, pattern, @"\"));
    }

    public static ModelBuilder AddPeopleCopy(this ModelBuilder model)
    {
        model.Entity<PersonCopy>(e =>
        {
            e.ToTable("people");
            e.HasKey(p => p.Subject);
            e.Property(p => p.Subject).HasMaxLength(PersonCopy.SubjectLength);
            e.Property(p => p.DisplayName).HasMaxLength(PersonCopy.DisplayNameLength);
            e.Property(p => p.Department).HasMaxLength(PersonCopy.CodeLength);
            e.Property(p => p.ApplicantKind).HasMaxLength(PersonCopy.CodeLength);
        });
        return model;
    }

    /// <summary>The consumer on a queue named <c>{service}-person-changed</c>.</summary>
    public static IBusRegistrationConfigurator AddPeopleCopyConsumer<TDb>(this IBusRegistrationConfigurator bus, string serviceName)
        where TDb : DbContext
    {
        bus.AddConsumer<PersonChangedCopier<TDb>>().Endpoint(e => e.Name = $"{serviceName}-person-changed");
        return bus;
    }
}
