namespace Talent.Applications.Applying;

/// <summary>
/// How a required material is satisfied: an upload, a reused wallet material, or a data-sharing reference (免提交); for the
/// last, <see cref="Shared"/> is what the exchange got from the department's system once the application was submitted.
/// </summary>
public sealed record AttachedMaterial(string Code, string Kind, Guid? FileId, string? FileName, string? ContentType, long? Size, string? Sha256, string? SharingReference, DateTimeOffset At,
    SharedRecord? Shared = null)
{
    public const string Upload = "upload";
    public const string Wallet = "wallet";
    public const string DataSharing = "dataSharing";
}

/// <summary>
/// A shared material as the exchange obtained it: <c>requested</c> (asked, no answer yet), <c>obtained</c> (with the record
/// as JSON, its SHA-256, the source system and when), <c>notHeld</c>, <c>noSource</c> or <c>unavailable</c> (with a note).
/// </summary>
public sealed record SharedRecord(string Status, string? Source, string? Record, string? Sha256, string? Note, DateTimeOffset At)
{
    public const string Requested = "requested";
}
