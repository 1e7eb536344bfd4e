using System.Xml;

namespace Talent.Applications.Materials;

/// <summary>
/// OFD (GB/T 33190, 版式文档): a ZIP package whose root holds the entry file <c>OFD.xml</c>, root element <c>ofd:OFD</c>.
/// Checked from the central directory (declared sizes, no inflating): a package declaring more than the allowed total is
/// refused as a zip bomb; then only <c>OFD.xml</c> is inflated, capped, and its root element read.
/// </summary>
public static class OfdPackage
{
    public const string EntryFile = "OFD.xml";

    /// <summary>A real document has a few hundred parts at most.</summary>
    public const int MaxEntries = 10_000;

    /// <summary>The entry file only lists documents: a few kilobytes.</summary>
    public const int MaxEntryFileBytes = 1024 * 1024;

    public static bool IsOfd(byte[] content, long maxUnpackedBytes)
    {
        if (ZipDirectory.Read(content, MaxEntries) is not { } entries)
        {
            return false;
        }

        long declared = 0;
        foreach (var entry in entries)
        {
            declared += entry.Size;
            if (declared > maxUnpackedBytes)
            {
                return false;
            }
        }

        var main = entries.FirstOrDefault(e => e.Name == EntryFile);
        return main is not null && ZipDirectory.Inflate(content, main, MaxEntryFileBytes) is { } xml && HasOfdRoot(xml);
    }

    private static bool HasOfdRoot(byte[] xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxEntryFileBytes };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(xml), settings);
            return reader.MoveToContent() == XmlNodeType.Element && reader.LocalName == "OFD";
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
