using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Talent.Contracts.Exchange;
using Talent.Exchange.Access;
using Talent.Exchange.Data;
using Talent.Messaging.Outbox;

namespace Talent.Exchange.Certifications;

/// <summary>
/// Inbound talent certifications (人才认定, exchange service <c>certifications</c>): the municipal talent system puts each
/// certification under its own id, again when it changes or is revoked; a change is told to matching
/// (<see cref="TalentCertified"/>), which then uses the certified designation instead of a self-declared one.
/// </summary>
public static partial class CertificationsApi
{
    public sealed record CertificationRequest(string? PersonId, string? Programme, string? Designation, DateOnly? CertifiedOn, DateOnly? ValidUntil, bool? Revoked);

    public sealed record CertificationView(string Issuer, string CertificationId, string PersonId, string Programme, string Designation,
        DateOnly CertifiedOn, DateOnly? ValidUntil, bool Revoked, DateTimeOffset ReceivedAt, DateTimeOffset UpdatedAt);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,59}$")]
    private static partial Regex ProgrammePattern();

    public static IEndpointRouteBuilder MapCertificationsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/exchange/v1/certifications").WithTags("Certifications");
        api.MapPut("/{certificationId}", PutAsync).WithName("PutCertification").IsExchangeService(ExchangeServices.Certifications)
            .WithSummary("Sends a certification under the issuer's own id (new: 201; changed: 200; the same again: 200, nothing told).")
            .ProducesValidationProblem();
        api.MapGet("/{certificationId}", GetAsync).WithName("Certification").IsExchangeService(ExchangeServices.Certifications)
            .WithSummary("A certification this client sent, as held.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Created<CertificationView>, Ok<CertificationView>, ValidationProblem>> PutAsync(
        string certificationId, CertificationRequest request, ExchangeDbContext db, IOptions<ExchangeOptions> options, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var designations = options.Value.Certifications.Designations;
        var errors = new Dictionary<string, string[]>();
        if (!IdPattern().IsMatch(certificationId))
        {
            errors["certificationId"] = ["1 to 64 letters, digits or . _ : -, starting with a letter or digit. 认定编号格式有误。"];
        }

        if (request.PersonId is not { Length: > 0 and <= Certification.PersonIdLength } || !IdPattern().IsMatch(request.PersonId))
        {
            errors["personId"] = ["The person's platform id (1 to 64 letters, digits or . _ : -). 请填写人员在平台的标识。"];
        }

        if (request.Programme is null || !ProgrammePattern().IsMatch(request.Programme))
        {
            errors["programme"] = ["1 to 60 lower-case letters, digits or hyphens, e.g. golden-phoenix. 请填写认定计划，如 golden-phoenix。"];
        }

        if (request.Designation is null || !designations.Contains(request.Designation))
        {
            errors["designation"] = [$"One of: {string.Join(", ", designations)}. 人才层次须为已知层次。"];
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (request.CertifiedOn is not { } certifiedOn || certifiedOn > today || certifiedOn.Year < 1990)
        {
            errors["certifiedOn"] = ["The date of certification, not in the future. 请填写认定日期（不晚于今天）。"];
        }
        else if (request.ValidUntil is { } until && until < certifiedOn)
        {
            errors["validUntil"] = ["Not before certifiedOn. 有效期不能早于认定日期。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var issuer = Client(http);
        var now = time.GetUtcNow();
        var certification = await db.Certifications.SingleOrDefaultAsync(c => c.Issuer == issuer && c.CertificationId == certificationId, cancellationToken);
        var created = certification is null;
        if (certification is null)
        {
            certification = Certification.Receive(issuer, certificationId, now);
            db.Certifications.Add(certification);
        }

        if (certification.Apply(request.PersonId!, request.Programme!, request.Designation!, request.CertifiedOn!.Value, request.ValidUntil, request.Revoked ?? false, now))
        {
            db.RecordEvent(new TalentCertified(Guid.CreateVersion7(now), now, issuer, certificationId, certification.PersonId, certification.Programme,
                certification.Designation, certification.CertifiedOn, certification.ValidUntil, certification.Revoked));
        }

        // Two puts of a new id at once: the second insert fails on the key and is a 409 (the shared database handler).
        await db.SaveChangesAsync(cancellationToken);
        return created
            ? TypedResults.Created($"/exchange/v1/certifications/{Uri.EscapeDataString(certificationId)}", View(certification))
            : TypedResults.Ok(View(certification));
    }

    private static async Task<Results<Ok<CertificationView>, NotFound>> GetAsync(string certificationId, ExchangeDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var issuer = Client(http);
        var certification = await db.Certifications.AsNoTracking().SingleOrDefaultAsync(c => c.Issuer == issuer && c.CertificationId == certificationId, cancellationToken);
        return certification is null ? TypedResults.NotFound() : TypedResults.Ok(View(certification));
    }

    private static string Client(HttpContext http) => http.User.FindFirst("sub")!.Value;

    private static CertificationView View(Certification c) =>
        new(c.Issuer, c.CertificationId, c.PersonId, c.Programme, c.Designation, c.CertifiedOn, c.ValidUntil, c.Revoked, c.ReceivedAt, c.UpdatedAt);
}
