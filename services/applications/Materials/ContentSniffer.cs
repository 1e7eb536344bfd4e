namespace Talent.Applications.Materials;

/// <summary>
/// What a file is, by its content (never by its name): PDF, PNG or JPEG by their first bytes; OFD (China's fixed-layout
/// format) only when the ZIP is an OFD package that does not unpack to more than <c>maxUnpackedBytes</c>
/// (<see cref="OfdPackage"/>).
/// </summary>
public static class ContentSniffer
{
    public static string? Detect(byte[] content, long maxUnpackedBytes)
    {
        var head = content.AsSpan();
        return head.StartsWith("%PDF-"u8) ? "application/pdf"
            : head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
            : head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
            : head.StartsWith("PK\u0003\u0004"u8) && OfdPackage.IsOfd(content, maxUnpackedBytes) ? "application/ofd"
            : null;
    }
}
