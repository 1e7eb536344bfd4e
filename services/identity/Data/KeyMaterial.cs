namespace Talent.Identity.Data;

/// <summary>Key material for signing tokens and encrypting the server's own tokens, kept so restarts keep tokens valid.</summary>
public sealed class KeyMaterial
{
    public string Id { get; set; } = "";

    /// <summary><c>sig</c> (RSA, PEM) or <c>enc</c> (AES-256, base64).</summary>
    public string Use { get; set; } = "";

    public string Material { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Retired keys are no longer published nor used.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
}
