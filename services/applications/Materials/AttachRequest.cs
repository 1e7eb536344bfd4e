using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Talent.Http;

namespace Talent.Applications.Materials;

/// <summary>
/// The body of <c>POST /api/applications/{id}/materials</c>, read by the endpoint itself because it takes either a form
/// (an upload) or JSON (a wallet reuse). A body that cannot be read is the client's mistake: 400 naming the field (the
/// JSON path where it broke, else <c>body</c>), or 415 naming <c>Content-Type</c> for anything but a form or JSON.
/// </summary>
public sealed record AttachRequest(string? MaterialCode, IFormFile? File, Guid? WalletFileId, bool IsUpload)
{
    public sealed record WalletBody(string? MaterialCode, Guid? WalletFileId);

    public static async Task<(AttachRequest? Request, ProblemHttpResult? Problem)> ReadAsync(HttpRequest http, CancellationToken ct)
    {
        if (http.HasFormContentType)
        {
            try
            {
                var form = await http.ReadFormAsync(ct);
                return (new AttachRequest(form["materialCode"].ToString(), form.Files.GetFile("file"), null, IsUpload: true), null);
            }
            catch (Exception ex) when (ex is InvalidDataException || (ex is IOException && ex is not BadHttpRequestException))
            {
                // No boundary, a truncated part, a malformed header (a body over the limit stays the framework's 413).
                return (null, Unreadable("body", "The form could not be read: " + ex.Message));
            }
        }

        if (http.HasJsonContentType())
        {
            try
            {
                var body = await http.ReadFromJsonAsync<WalletBody>(ct);
                return (new AttachRequest(body?.MaterialCode, null, body?.WalletFileId, IsUpload: false), null);
            }
            catch (JsonException ex)
            {
                var field = ex.Path?.TrimStart('$', '.') is { Length: > 0 } path ? path : "body";
                return (null, Unreadable(field, "The request body is not valid JSON: " + ex.Message));
            }
        }

        return (null, Problems.Of(StatusCodes.Status415UnsupportedMediaType,
            "Send multipart/form-data (materialCode, file) or application/json (materialCode, walletFileId). 请以表单上传文件，或以 JSON 选用材料库中的材料。",
            "Content-Type"));
    }

    private static ProblemHttpResult Unreadable(string field, string detail) =>
        TypedResults.Problem(
            title: "The request could not be read. 请求格式有误。",
            detail: detail,
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["field"] = field });
}
