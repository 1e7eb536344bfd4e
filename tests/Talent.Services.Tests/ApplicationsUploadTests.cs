using System.Net;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// Uploads over HTTP: the size limit (the fixture's 1 MB) to the byte, with a 413 naming the file and nothing attached;
/// PNG and JPEG judged by their content, whatever the name says.
/// </summary>
public sealed class ApplicationsUploadTests(ApplicationsFixture app) : IClassFixture<ApplicationsFixture>
{
    private const int Limit = 1024 * 1024;

    [Fact]
    public async Task A_file_of_the_limit_is_attached_and_one_byte_more_is_a_413_naming_the_file_that_attaches_nothing()
    {
        using var applicant = app.Applicant("upload-limit");
        var over = await app.DraftAsync(applicant);
        await ApplicationsFixture.AssertProblemAsync(await ApplicationsFixture.UploadAsync(applicant, over, Padded(Limit + 1)), HttpStatusCode.RequestEntityTooLarge, "file");
        var draft = await ApplicationsFixture.GetAsync(applicant, $"/api/applications/{over}");
        Assert.DoesNotContain(draft.GetProperty("materials").EnumerateArray(), m => m.GetProperty("fileId").ValueKind == System.Text.Json.JsonValueKind.String);

        var exact = await ApplicationsFixture.UploadAsync(applicant, over, Padded(Limit));
        Assert.Equal(HttpStatusCode.OK, exact.StatusCode);
        var contract = (await ApplicationsFixture.JsonAsync(exact)).GetProperty("materials").EnumerateArray().Single(m => m.GetProperty("code").GetString() == "contract");
        Assert.Equal(Limit, contract.GetProperty("size").GetInt64());
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 }, "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46 }, "image/jpeg")]
    public async Task A_png_or_jpeg_named_like_a_pdf_is_stored_as_what_its_content_is(byte[] head, string type)
    {
        using var applicant = app.Applicant("upload-" + type.Replace('/', '-'));
        var id = await app.DraftAsync(applicant);
        var uploaded = await ApplicationsFixture.UploadAsync(applicant, id, [.. head, .. new byte[64]], "scan.pdf");
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var contract = (await ApplicationsFixture.JsonAsync(uploaded)).GetProperty("materials").EnumerateArray().Single(m => m.GetProperty("code").GetString() == "contract");
        Assert.Equal(type, contract.GetProperty("contentType").GetString());
    }

    /// <summary>A PDF of exactly <paramref name="size"/> bytes: the header, then padding in a comment.</summary>
    private static byte[] Padded(int size)
    {
        var bytes = new byte[size];
        Array.Fill(bytes, (byte)' ');
        ApplicationsFixture.Pdf.CopyTo(bytes, 0);
        return bytes;
    }
}
