using System.IO.Compression;
using System.Text;
using Talent.Applications.Materials;
using Xunit;

namespace Talent.Applications.Tests;

/// <summary>Uploads are judged by their content; a ZIP passes as OFD only as an OFD package of a bounded unpacked size.</summary>
public sealed class ContentSnifferTests
{
    private const long Limit = 10 * 1024 * 1024;

    private const string OfdXml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD">
          <ofd:DocBody><ofd:DocInfo><ofd:DocID>talent-test</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody>
        </ofd:OFD>
        """;

    [Fact]
    public void Pdf_png_and_jpeg_are_recognised_by_their_first_bytes()
    {
        Assert.Equal("application/pdf", ContentSniffer.Detect("%PDF-1.7\n"u8.ToArray(), Limit));
        Assert.Equal("image/png", ContentSniffer.Detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0], Limit));
        Assert.Equal("image/jpeg", ContentSniffer.Detect([0xFF, 0xD8, 0xFF, 0xE0], Limit));
        Assert.Null(ContentSniffer.Detect("MZ\u0090"u8.ToArray(), Limit));
    }

    [Fact]
    public void A_minimal_ofd_package_is_ofd()
    {
        var ofd = Zip(("OFD.xml", Encoding.UTF8.GetBytes(OfdXml)), ("Doc_0/Document.xml", "<ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"/>"u8.ToArray()));
        Assert.Equal("application/ofd", ContentSniffer.Detect(ofd, Limit));
    }

    [Fact]
    public void A_stored_not_deflated_ofd_package_is_ofd_too()
    {
        var ofd = Zip(CompressionLevel.NoCompression, ("OFD.xml", Encoding.UTF8.GetBytes(OfdXml)));
        Assert.Equal("application/ofd", ContentSniffer.Detect(ofd, Limit));
    }

    [Fact]
    public void A_plain_zip_is_not_ofd()
    {
        Assert.Null(ContentSniffer.Detect(Zip(("readme.txt", "hello"u8.ToArray())), Limit));
    }

    [Fact]
    public void A_zip_with_ofd_xml_below_the_root_or_another_root_element_is_not_ofd()
    {
        Assert.Null(ContentSniffer.Detect(Zip(("Doc_0/OFD.xml", Encoding.UTF8.GetBytes(OfdXml))), Limit));
        Assert.Null(ContentSniffer.Detect(Zip(("OFD.xml", "<html><body>not an OFD</body></html>"u8.ToArray())), Limit));
        Assert.Null(ContentSniffer.Detect(Zip(("OFD.xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"a\">]><OFD>&a;</OFD>"u8.ToArray())), Limit));
    }

    [Fact]
    public void Damaged_and_truncated_archives_are_not_ofd()
    {
        var ofd = Zip(("OFD.xml", Encoding.UTF8.GetBytes(OfdXml)));
        Assert.Null(ContentSniffer.Detect(ofd[..(ofd.Length / 2)], Limit));
        Assert.Null(ContentSniffer.Detect("PK\u0003\u0004 and nothing else"u8.ToArray(), Limit));
    }

    [Fact]
    public void A_package_declaring_more_than_the_limit_is_refused_from_its_directory_without_inflating_anything()
    {
        var bomb = Zip(("OFD.xml", Encoding.UTF8.GetBytes(OfdXml)), ("Doc_0/Res/zeros.bin", new byte[(int)Limit + 1]));
        Assert.Equal("application/ofd", ContentSniffer.Detect(bomb, 2 * Limit));

        // Garbage where the big entry's data was: inflating it would fail; the directory alone refuses it.
        var local = IndexOf(bomb, "Doc_0/Res/zeros.bin"u8);
        for (var i = local + 19; i < local + 19 + 64; i++)
        {
            bomb[i] = 0xFF;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        Assert.Null(ContentSniffer.Detect(bomb, Limit));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 1024 * 1024, "nothing was inflated");
    }

    [Fact]
    public void An_entry_file_inflating_to_more_than_it_declares_is_refused_after_at_most_its_declared_size()
    {
        // OFD.xml declared as 200 bytes but holding 50 MB: the directory lies; reading stops one byte past 200.
        var xml = Encoding.UTF8.GetBytes(OfdXml + new string(' ', 50 * 1024 * 1024));
        var bomb = Zip(("OFD.xml", xml));
        SetDeclaredSize(bomb, 200);

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        Assert.Null(ContentSniffer.Detect(bomb, Limit));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 1024 * 1024, "at most the declared size was inflated");
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries) => Zip(CompressionLevel.Optimal, entries);

    private static byte[] Zip(CompressionLevel level, params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, level).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Rewrites the uncompressed size of the only entry, in its local header and in the central directory.</summary>
    private static void SetDeclaredSize(byte[] zip, uint size)
    {
        var central = IndexOf(zip, [0x50, 0x4B, 0x01, 0x02]);
        BitConverter.TryWriteBytes(zip.AsSpan(central + 24, 4), size);
        BitConverter.TryWriteBytes(zip.AsSpan(22, 4), size);
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle);
}
