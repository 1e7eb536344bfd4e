namespace Talent.Applications.Materials;

/// <summary>What a file is, by its first bytes (never by its name): PDF, PNG, JPEG or OFD (China's fixed-layout format).</summary>
public static class ContentSniffer
{
    public static string? Detect(ReadOnlySpan<byte> head) =>
        head.StartsWith("%PDF-"u8) ? "application/pdf"
        : head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : head.StartsWith("PK\u0003\u0004"u8) ? "application/ofd"
        : null;
}
