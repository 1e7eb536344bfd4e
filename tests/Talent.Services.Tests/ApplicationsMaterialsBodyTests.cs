using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// <c>POST /api/applications/{id}/materials</c> reads its body itself (a form or JSON): a body it cannot read is the
/// client's mistake, a 4xx naming what is wrong, and attaches nothing.
/// </summary>
public sealed class ApplicationsMaterialsBodyTests(ApplicationsFixture app) : IClassFixture<ApplicationsFixture>
{
    [Fact]
    public async Task Malformed_json_is_a_400_naming_the_body()
    {
        var (client, id) = await DraftAsync("body-malformed");
        var response = await PostAsync(client, id, "{ materialCode: contract, }", "application/json");
        await ApplicationsFixture.AssertProblemAsync(response, HttpStatusCode.BadRequest, "body");
        await AssertNothingAttachedAsync(client, id);
    }

    [Fact]
    public async Task Truncated_json_is_a_400_naming_where_it_broke_off()
    {
        var (client, id) = await DraftAsync("body-truncated");
        var response = await PostAsync(client, id, """{"materialCode": "contract", "walletFileId": "01""", "application/json");
        await ApplicationsFixture.AssertProblemAsync(response, HttpStatusCode.BadRequest, "walletFileId");
        await AssertNothingAttachedAsync(client, id);
    }

    [Fact]
    public async Task A_json_value_of_the_wrong_type_is_a_400_naming_its_field()
    {
        var (client, id) = await DraftAsync("body-wrong-type");
        var response = await PostAsync(client, id, """{"materialCode": "contract", "walletFileId": 42}""", "application/json");
        await ApplicationsFixture.AssertProblemAsync(response, HttpStatusCode.BadRequest, "walletFileId");
    }

    [Fact]
    public async Task An_empty_json_body_is_a_400_naming_the_body()
    {
        var (client, id) = await DraftAsync("body-empty");
        var response = await PostAsync(client, id, "", "application/json");
        await ApplicationsFixture.AssertProblemAsync(response, HttpStatusCode.BadRequest, "body");
    }

    [Fact]
    public async Task An_empty_body_without_a_content_type_is_a_415_naming_the_content_type()
    {
        var (client, id) = await DraftAsync("body-none");
        var response = await client.PostAsync($"/api/applications/{id}/materials", null, TestContext.Current.CancellationToken);
        await ApplicationsFixture.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "Content-Type");
    }

    [Fact]
    public async Task A_wrong_content_type_is_a_415_naming_the_content_type()
    {
        var (client, id) = await DraftAsync("body-text");
        var response = await PostAsync(client, id, "materialCode=contract", "text/plain");
        await ApplicationsFixture.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "Content-Type");
        await AssertNothingAttachedAsync(client, id);
    }

    [Fact]
    public async Task Multipart_without_a_boundary_is_a_400_naming_the_body()
    {
        var (client, id) = await DraftAsync("body-no-boundary");
        var response = await PostAsync(client, id, "--x\r\nContent-Disposition: form-data; name=\"materialCode\"\r\n\r\ncontract\r\n--x--\r\n", "multipart/form-data");
        await ApplicationsFixture.AssertProblemAsync(response, HttpStatusCode.BadRequest, "body");
        await AssertNothingAttachedAsync(client, id);
    }

    [Fact]
    public async Task A_truncated_multipart_body_is_a_400_naming_the_body()
    {
        var (client, id) = await DraftAsync("body-cut-multipart");
        var body = "--b0\r\nContent-Disposition: form-data; name=\"materialCode\"\r\n\r\ncontract\r\n--b0\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 and then noth";
        var response = await PostAsync(client, id, body, "multipart/form-data; boundary=b0");
        await ApplicationsFixture.AssertProblemAsync(response, HttpStatusCode.BadRequest, "body");
        await AssertNothingAttachedAsync(client, id);
    }

    private async Task<(HttpClient Client, Guid Id)> DraftAsync(string subject)
    {
        var client = app.Applicant(subject);
        return (client, await app.DraftAsync(client));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, Guid id, string body, string contentType)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return client.PostAsync($"/api/applications/{id}/materials", content, TestContext.Current.CancellationToken);
    }

    private static async Task AssertNothingAttachedAsync(HttpClient client, Guid id)
    {
        var view = await ApplicationsFixture.GetAsync(client, $"/api/applications/{id}");
        Assert.Equal(0, view.GetProperty("materials").GetArrayLength());
    }
}
