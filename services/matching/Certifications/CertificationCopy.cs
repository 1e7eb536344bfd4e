using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talent.Matching.Matching;

namespace Talent.Matching.Certifications;

/// <summary>
/// A talent certification (人才认定) as the exchange last told it (the issuer's and its own id, the person, the
/// programme, the designation, the dates, revoked or not): the certified facts a tier is computed from instead of what
/// the person declared.
/// </summary>
public sealed class CertificationCopy
{
    public string Issuer { get; private set; } = "";

    public string CertificationId { get; private set; } = "";

    public string PersonId { get; private set; } = "";

    public string Programme { get; private set; } = "";

    public string Designation { get; private set; } = "";

    public DateOnly CertifiedOn { get; private set; }

    public DateOnly? ValidUntil { get; private set; }

    public bool Revoked { get; private set; }

    /// <summary>When the issuer's version was told (the newest wins: a redelivered older version changes nothing).</summary>
    public DateTimeOffset OccurredAt { get; private set; }

    private CertificationCopy()
    {
    }

    public static CertificationCopy Of(string issuer, string id) => new() { Issuer = issuer, CertificationId = id };

    /// <summary>Takes a version newer than the one held; false for an older one.</summary>
    public bool Apply(string personId, string programme, string designation, DateOnly certifiedOn, DateOnly? validUntil, bool revoked, DateTimeOffset occurredAt)
    {
        if (occurredAt <= OccurredAt)
        {
            return false;
        }

        (PersonId, Programme, Designation, CertifiedOn, ValidUntil, Revoked, OccurredAt) = (personId, programme, designation, certifiedOn, validUntil, revoked, occurredAt);
        return true;
    }

    public bool ValidOn(DateOnly day) => !Revoked && CertifiedOn <= day && (ValidUntil is null || ValidUntil >= day);

    public CertifiedDesignation Certified() => new(Designation, Programme, Issuer, CertifiedOn);

    /// <summary>
    /// The certification a tier is computed from: of those valid on <paramref name="day"/>, the one with the highest tier,
    /// then the most recent; none when the person holds no valid certification.
    /// </summary>
    public static CertifiedDesignation? Best(IEnumerable<CertificationCopy> held, TierOptions tiers, DateOnly day) =>
        held.Where(c => c.ValidOn(day))
            .OrderBy(c => tiers.TierOf(c.Designation))
            .ThenByDescending(c => c.CertifiedOn)
            .Select(c => c.Certified())
            .FirstOrDefault();

    public static async Task<CertifiedDesignation?> BestForAsync(DbSet<CertificationCopy> copies, string personId, TierOptions tiers, DateOnly day, CancellationToken cancellationToken) =>
        Best(await copies.AsNoTracking().Where(c => c.PersonId == personId).ToListAsync(cancellationToken), tiers, day);
}

/// <summary>Table <c>certification_copies</c>, one row per (issuer, certification), looked up by person.</summary>
public sealed class CertificationCopyConfiguration : IEntityTypeConfiguration<CertificationCopy>
{
    public void Configure(EntityTypeBuilder<CertificationCopy> e)
    {
        e.ToTable("certification_copies");
        e.HasKey(c => new { c.Issuer, c.CertificationId });
        e.Property(c => c.Issuer).HasMaxLength(100);
        e.Property(c => c.CertificationId).HasMaxLength(64);
        e.Property(c => c.PersonId).HasMaxLength(100);
        e.Property(c => c.Programme).HasMaxLength(60);
        e.Property(c => c.Designation).HasMaxLength(40);
        e.HasIndex(c => c.PersonId);
    }
}
