namespace Talent.Applications.Applying;

/// <summary>How a required material is satisfied: an upload, a reused wallet material, or a data-sharing reference (免提交).</summary>
public sealed record AttachedMaterial(string Code, string Kind, Guid? FileId, string? FileName, string? ContentType, long? Size, string? Sha256, string? SharingReference, DateTimeOffset At)
{
    public const string Upload = "upload";
    public const string Wallet = "wallet";
    public const string DataSharing = "dataSharing";
}
