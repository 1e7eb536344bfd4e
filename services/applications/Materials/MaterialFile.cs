using Talent.Applications.Applying;

namespace Talent.Applications.Materials;

/// <summary>
/// An uploaded material: its bytes, checked type, size and SHA-256. Readable by its applicant and the staff handling
/// an application it is attached to. Once an application using it is approved it joins the applicant's material
/// wallet, reusable until <see cref="ValidUntil"/>.
/// </summary>
public sealed class MaterialFile
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string ApplicantId { get; private set; } = "";

    public Guid ApplicationId { get; private set; }

    public string MaterialCode { get; private set; } = "";

    public string MaterialName { get; private set; } = "";

    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    public string Sha256 { get; private set; } = "";

    public byte[] Content { get; private set; } = [];

    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>Set when an application that used it is approved: from then on it is in the wallet.</summary>
    public DateTimeOffset? AcceptedAt { get; private set; }

    public DateOnly? ValidUntil { get; private set; }

    private MaterialFile()
    {
    }

    public static MaterialFile Upload(string applicantId, Guid applicationId, string materialCode, string materialName, string fileName, string contentType, byte[] content, DateTimeOffset now) => new()
    {
        ApplicantId = applicantId,
        ApplicationId = applicationId,
        MaterialCode = materialCode,
        MaterialName = materialName,
        FileName = fileName,
        ContentType = contentType,
        Size = content.LongLength,
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
        Content = content,
        UploadedAt = now,
    };

    public void Accept(DateTimeOffset now, int validYears)
    {
        AcceptedAt ??= now;
        ValidUntil ??= Application.Today(now).AddYears(validYears);
    }

    public bool InWallet(DateOnly today) => AcceptedAt is not null && (ValidUntil is null || ValidUntil >= today);
}
