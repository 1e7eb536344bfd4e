using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Talent.Applications.Materials;

/// <summary>
/// The entries a ZIP archive lists in its central directory (names, methods, declared sizes), read from the bytes
/// without inflating anything, and one entry inflated with a hard cap. ZIP64 archives, multi-disk archives and
/// anything damaged are not read (null): an upload is at most a few megabytes, which plain ZIP covers.
/// </summary>
public static class ZipDirectory
{
    public sealed record Entry(string Name, int Method, long CompressedSize, long Size, long LocalHeaderOffset);

    private const uint EndSignature = 0x06054B50;
    private const uint CentralSignature = 0x02014B50;
    private const uint LocalSignature = 0x04034B50;
    private const int EndLength = 22;
    private const int CentralLength = 46;
    private const int LocalLength = 30;

    /// <summary>The listed entries; null when the directory is missing, damaged, ZIP64 or lists more than <paramref name="maxEntries"/>.</summary>
    public static List<Entry>? Read(ReadOnlySpan<byte> zip, int maxEntries)
    {
        // The end record is the last 22 bytes, or earlier by a comment of at most 65,535 bytes.
        var end = -1;
        for (var i = zip.Length - EndLength; i >= Math.Max(0, zip.Length - EndLength - ushort.MaxValue); i--)
        {
            if (U32(zip, i) == EndSignature)
            {
                end = i;
                break;
            }
        }

        if (end < 0 || U16(zip, end + 4) != 0 || U16(zip, end + 6) != 0)
        {
            return null;
        }

        int count = U16(zip, end + 10);
        long size = U32(zip, end + 12), offset = U32(zip, end + 16);
        if (count == ushort.MaxValue || size == uint.MaxValue || offset == uint.MaxValue || count > maxEntries || offset + size > end)
        {
            return null;
        }

        var entries = new List<Entry>(count);
        var directoryEnd = (int)(offset + size);
        var at = (int)offset;
        for (var n = 0; n < count; n++)
        {
            if (at + CentralLength > directoryEnd || U32(zip, at) != CentralSignature)
            {
                return null;
            }

            int nameLength = U16(zip, at + 28), extraLength = U16(zip, at + 30), commentLength = U16(zip, at + 32);
            long compressed = U32(zip, at + 20), uncompressed = U32(zip, at + 24), local = U32(zip, at + 42);
            if (at + CentralLength + nameLength > directoryEnd || compressed == uint.MaxValue || uncompressed == uint.MaxValue || local == uint.MaxValue)
            {
                return null;
            }

            var name = Encoding.UTF8.GetString(zip.Slice(at + CentralLength, nameLength));
            entries.Add(new Entry(name, U16(zip, at + 10), compressed, uncompressed, local));
            at += CentralLength + nameLength + extraLength + commentLength;
        }

        return entries;
    }

    /// <summary>
    /// The entry's content when it inflates to exactly its declared size and at most <paramref name="cap"/> bytes;
    /// null otherwise. Never inflates more than <paramref name="cap"/> + 1 bytes, whatever the archive claims.
    /// </summary>
    public static byte[]? Inflate(byte[] zip, Entry entry, int cap)
    {
        // Stored or deflated: the two methods ZIP writers use.
        if (entry.Method is not (0 or 8) || entry.Size > cap
            || entry.LocalHeaderOffset + LocalLength > zip.Length || U32(zip, (int)entry.LocalHeaderOffset) != LocalSignature)
        {
            return null;
        }

        var local = (int)entry.LocalHeaderOffset;
        var start = (long)local + LocalLength + U16(zip, local + 26) + U16(zip, local + 28);
        if (start + entry.CompressedSize > zip.Length)
        {
            return null;
        }

        using var data = new MemoryStream(zip, (int)start, (int)entry.CompressedSize, writable: false);
        using var content = entry.Method == 8 ? new DeflateStream(data, CompressionMode.Decompress) : (Stream)data;
        var buffer = new byte[(int)entry.Size + 1];
        var read = 0;
        try
        {
            int chunk;
            while (read < buffer.Length && (chunk = content.Read(buffer, read, buffer.Length - read)) > 0)
            {
                read += chunk;
            }
        }
        catch (InvalidDataException)
        {
            return null;
        }

        // More than declared (a lying archive) or less (damaged): not what the directory says.
        return read == entry.Size ? buffer[..read] : null;
    }

    private static int U16(ReadOnlySpan<byte> bytes, int at) => at + 2 <= bytes.Length ? BinaryPrimitives.ReadUInt16LittleEndian(bytes[at..]) : 0;

    private static uint U32(ReadOnlySpan<byte> bytes, int at) => at + 4 <= bytes.Length && at >= 0 ? BinaryPrimitives.ReadUInt32LittleEndian(bytes[at..]) : 0;
}
