using System.Net;
using Microsoft.Net.Http.Headers;
using Talent.Portal.Apis;

namespace Talent.Portal.Console;

/// <summary>
/// A case's material files through the portal, with the signed-in person's token (the applications API decides who may
/// see them: another department's case is 404 here as there). PDFs and images may be shown inline, framed by the portal's
/// own pages only; anything else is a download.
/// </summary>
public static class CaseFileEndpoints
{
    private static readonly HashSet<string> Previewable = new(StringComparer.OrdinalIgnoreCase) { "application/pdf", "image/png", "image/jpeg" };

    public static string PathOf(Guid caseId, Guid fileId, bool inline = false) => $"/files/cases/{caseId}/{fileId}{(inline ? "?inline=true" : "")}";

    public static bool CanPreview(string? contentType) => contentType is not null && Previewable.Contains(contentType);

    public static IEndpointRouteBuilder MapCaseFiles(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/files/cases/{id:guid}/{fileId:guid}", DownloadAsync).RequireAuthorization();
        return routes;
    }

    private static async Task<IResult> DownloadAsync(Guid id, Guid fileId, bool? inline, ApplicationsApi applications, HttpContext http, CancellationToken ct)
    {
        var response = await applications.MaterialAsync(id, fileId, ct);
        if (!response.IsSuccessStatusCode)
        {
            var status = response.StatusCode;
            response.Dispose();
            return status == HttpStatusCode.Unauthorized
                ? Results.Redirect($"/account/login?returnUrl={Uri.EscapeDataString(http.Request.Path + http.Request.QueryString)}")
                : Results.NotFound();
        }

        http.Response.RegisterForDispose(response);
        var type = response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";
        var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? "material";
        var shown = inline == true && CanPreview(type);
        if (shown)
        {
            http.Items[PortalPipeline.FramedBySelf] = true;
            http.Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("inline") { FileNameStar = name }.ToString();
        }

        http.Response.Headers.CacheControl = "private, no-store";
        return Results.Stream(await response.Content.ReadAsStreamAsync(ct), type, shown ? null : name);
    }
}
