namespace Talent.Exchange.Certifications;

/// <summary>
/// A talent certification (人才认定) as the issuing municipal system last sent it, under the issuer's own id: who is
/// certified, by which programme, with which designation, from when and until when, and whether it was revoked.
/// </summary>
public sealed class Certification
{
    public const int IdLength = 64;
    public const int PersonIdLength = 64;
    public const int ProgrammeLength = 60;

    public string Issuer { get; private set; } = "";

    public string CertificationId { get; private set; } = "";

    public string PersonId { get; private set; } = "";

    public string Programme { get; private set; } = "";

    public string Designation { get; private set; } = "";

    public DateOnly CertifiedOn { get; private set; }

    public DateOnly? ValidUntil { get; private set; }

    public bool Revoked { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    private Certification()
    {
    }

    public static Certification Receive(string issuer, string id, DateTimeOffset now) =>
        new() { Issuer = issuer, CertificationId = id, ReceivedAt = now };

    /// <summary>Takes what the issuer sent; false when it is what is held already (nothing to tell anyone).</summary>
    public bool Apply(string personId, string programme, string designation, DateOnly certifiedOn, DateOnly? validUntil, bool revoked, DateTimeOffset now)
    {
        if (UpdatedAt != default && PersonId == personId && Programme == programme && Designation == designation
            && CertifiedOn == certifiedOn && ValidUntil == validUntil && Revoked == revoked)
        {
            return false;
        }

        (PersonId, Programme, Designation, CertifiedOn, ValidUntil, Revoked, UpdatedAt) = (personId, programme, designation, certifiedOn, validUntil, revoked, now);
        return true;
    }
}
