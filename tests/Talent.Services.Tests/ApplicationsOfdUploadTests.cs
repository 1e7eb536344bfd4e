using System.IO.Compression;
using System.Net;
using System.Text;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// An upload that starts like a ZIP is accepted as OFD only when it is an OFD package (GB/T 33190: <c>OFD.xml</c> at its
/// root) that does not unpack to more than ten times the upload limit (the fixture's limit is 1 MB).
/// </summary>
public sealed class ApplicationsOfdUploadTests(ApplicationsFixture app) : IClassFixture<ApplicationsFixture>
{
    public const string OfdXml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD">
          <ofd:DocBody><ofd:DocInfo><ofd:DocID>talent-test</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody>
        </ofd:OFD>
        """;

    [Fact]
    public async Task A_plain_zip_is_refused_with_415()
    {
        var client = app.Applicant("ofd-plain-zip");
        var id = await app.DraftAsync(client);
        var response = await ApplicationsFixture.UploadAsync(client, id, Zip(("readme.txt", "not an OFD"u8.ToArray())), "contract.ofd");
        await ApplicationsFixture.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "file");
    }

    [Fact]
    public async Task A_minimal_ofd_is_accepted_as_application_ofd()
    {
        var client = app.Applicant("ofd-minimal");
        var id = await app.DraftAsync(client);
        var response = await ApplicationsFixture.UploadAsync(client, id, MinimalOfd(), "contract.ofd");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var material = (await ApplicationsFixture.JsonAsync(response)).GetProperty("materials").EnumerateArray().Single(m => m.GetProperty("code").GetString() == "contract");
        Assert.Equal("application/ofd", material.GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task A_zip_bomb_is_refused_with_415()
    {
        var client = app.Applicant("ofd-bomb");
        var id = await app.DraftAsync(client);
        // 12 MB of zeros packs into a few kilobytes: more than ten times the 1 MB limit once unpacked.
        var bomb = Zip(("OFD.xml", Encoding.UTF8.GetBytes(OfdXml)), ("Doc_0/Res/zeros.bin", new byte[12 * 1024 * 1024]));
        Assert.True(bomb.Length < 1024 * 1024, "the bomb itself is under the upload limit");
        var response = await ApplicationsFixture.UploadAsync(client, id, bomb, "contract.ofd");
        await ApplicationsFixture.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "file");
    }

    public static byte[] MinimalOfd() => Zip(("OFD.xml", Encoding.UTF8.GetBytes(OfdXml)), ("Doc_0/Document.xml", "<ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"/>"u8.ToArray()));

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }
}
