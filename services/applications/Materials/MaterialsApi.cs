using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Applications.Applying;
using Talent.Contracts.Catalogue;
using Talent.Http;

namespace Talent.Applications.Materials;

/// <summary>Materials of an application: an upload (checked by content) or a reuse from the wallet; downloads; the wallet.</summary>
public static class MaterialsApi
{
    /// <summary>A material of an approved application, reusable until <see cref="ValidUntil"/>.</summary>
    public sealed record WalletFile(Guid Id, string MaterialCode, string MaterialName, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset? AcceptedAt, DateOnly? ValidUntil);

    public static IEndpointRouteBuilder MapMaterialsApi(this IEndpointRouteBuilder routes)
    {
        var api = ApplicationsApi.Group(routes);
        api.MapGet("/wallet", WalletAsync).WithName("MaterialWallet").WithSummary("Materials accepted in earlier applications and still valid.");
        api.MapPost("/{id:guid}/materials", AttachAsync).DisableAntiforgery().RequireAuthorization(ApplicationsApi.FilerPolicy).WithName("AttachMaterial")
            .WithSummary("multipart/form-data (materialCode, file: PDF, PNG, JPEG or OFD, checked by content) or JSON { materialCode, walletFileId }.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapGet("/{id:guid}/materials/{fileId:guid}", DownloadAsync).WithName("DownloadMaterial")
            .WithSummary("A material's file, for the applicant and the staff handling the case.")
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf", "image/png", "image/jpeg", "application/ofd");
        return routes;
    }

    private static async Task<Results<Ok<ApplicationView>, NotFound, ValidationProblem, ProblemHttpResult>> AttachAsync(Guid id, HttpRequest http, [AsParameters] CaseContext c)
    {
        var application = await c.VisibleAsync(id, tracking: true);
        if (application is null)
        {
            return TypedResults.NotFound();
        }

        var (request, unreadable) = await AttachRequest.ReadAsync(http, c.Cancellation);
        if (unreadable is not null)
        {
            return unreadable;
        }

        var card = await c.CardAsync(application);
        var now = c.Time.GetUtcNow();
        var code = request!.MaterialCode;
        if (MaterialError(card, code) is { } codeError)
        {
            return codeError;
        }

        AttachedMaterial attached;
        if (request.IsUpload)
        {
            var file = request.File;
            if (file is null || file.Length == 0)
            {
                return Problems.Invalid("file", "Attach a file. 请选择文件。");
            }

            var fileName = Path.GetFileName(file.FileName);
            if (CaseLimits.Check(fileName, CaseLimits.FileName) is not null)
            {
                return Problems.Invalid("file", $"A file name of at most {CaseLimits.FileName} characters, no NUL. 文件名不超过 {CaseLimits.FileName} 个字符。");
            }

            var maxBytes = c.Settings.MaxUploadBytes;
            if (file.Length > maxBytes)
            {
                return Problems.Of(StatusCodes.Status413PayloadTooLarge, $"A file is at most {maxBytes / (1024 * 1024)} MB. 文件不超过 {maxBytes / (1024 * 1024)} MB。", "file");
            }

            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, c.Cancellation);
            var bytes = buffer.ToArray();
            // An archive (OFD) may unpack to at most ten times the upload limit.
            var type = ContentSniffer.Detect(bytes, maxUnpackedBytes: 10 * maxBytes);
            if (type is null)
            {
                return Problems.Of(StatusCodes.Status415UnsupportedMediaType,
                    "PDF, PNG, JPEG or OFD only, judged by the content, not the name (an OFD package holds OFD.xml at its root and unpacks to at most ten times the upload limit). 仅支持 PDF、PNG、JPEG、OFD 格式（按文件内容判断）。",
                    "file");
            }

            var name = card.Materials.Single(m => m.Code == code).NameZh;
            var stored = MaterialFile.Upload(application.ApplicantId, application.Id, code!, name, fileName, type, bytes, now);
            c.Db.MaterialFiles.Add(stored);
            attached = new AttachedMaterial(code!, AttachedMaterial.Upload, stored.Id, stored.FileName, type, stored.Size, stored.Sha256, null, now);
        }
        else
        {
            var wallet = request.WalletFileId is { } fileId
                ? await c.Db.MaterialFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId && f.ApplicantId == application.ApplicantId, c.Cancellation)
                : null;
            if (wallet is null || !wallet.InWallet(Application.Today(now)) || wallet.MaterialCode != code)
            {
                return Problems.Invalid("walletFileId", "A material of this kind from your wallet, still valid. 请选择材料库中仍在有效期内的同类材料。");
            }

            attached = new AttachedMaterial(code!, AttachedMaterial.Wallet, wallet.Id, wallet.FileName, wallet.ContentType, wallet.Size, wallet.Sha256, null, now);
        }

        if (application.Attach(attached, c.Actor) is { } refusal)
        {
            return refusal.ToProblem();
        }

        return await c.SaveAsync() is { } conflict ? conflict : TypedResults.Ok(c.View(application));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> DownloadAsync(Guid id, Guid fileId, [AsParameters] CaseContext c)
    {
        var application = await c.VisibleAsync(id, tracking: false);
        var actor = c.Actor;
        // The applicant and the handling staff only; not operators.
        var handling = application is not null && (actor.Subject == application.ApplicantId || (actor.IsStaff && actor.Department is { } d && application.Departments.Contains(d)));
        if (application is null || !handling || application.Materials.All(m => m.FileId != fileId))
        {
            return TypedResults.NotFound();
        }

        var file = await c.Db.MaterialFiles.AsNoTracking().SingleAsync(f => f.Id == fileId, c.Cancellation);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<Ok<List<WalletFile>>> WalletAsync([AsParameters] CaseContext c)
    {
        var subject = c.Actor.Subject;
        var today = Application.Today(c.Time.GetUtcNow());
        var files = await c.Db.MaterialFiles.AsNoTracking()
            .Where(f => f.ApplicantId == subject && f.AcceptedAt != null && (f.ValidUntil == null || f.ValidUntil >= today))
            .OrderByDescending(f => f.AcceptedAt)
            .Select(f => new WalletFile(f.Id, f.MaterialCode, f.MaterialName, f.FileName, f.ContentType, f.Size, f.Sha256, f.AcceptedAt, f.ValidUntil))
            .ToListAsync(c.Cancellation);
        return TypedResults.Ok(files);
    }

    private static ValidationProblem? MaterialError(FlowCardSnapshot card, string? code) =>
        card.Materials.SingleOrDefault(m => m.Code == code) is not { } material
            ? Problems.Invalid("materialCode", "A material code of this item's flow card. 请选择本事项要求的材料。")
            : material.NeedNotBeSubmitted
                ? Problems.Invalid("materialCode", $"{material.NameZh} is obtained from {material.SourceDepartment}'s data: nothing to upload (免提交). 该材料免提交。")
                : null;
}
