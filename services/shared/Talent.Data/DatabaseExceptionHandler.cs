using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Talent.Data;

/// <summary>
/// The database's own refusals, when a request got past the endpoint's checks, answered as the client's mistake rather
/// than a 500: a value longer than its column (400), a duplicate of something unique (409), a row changed meanwhile
/// (409). The transaction has already rolled back, so nothing is half-written. Endpoints should check first and name
/// the field; this is the net under them.
/// </summary>
public sealed class DatabaseExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    // character_not_in_repertoire: PostgreSQL's answer to U+0000 in text (from a statement outside EF Core; EF Core's are
    // stopped before they are sent: UnstorableTextException). jsonb refuses the \u0000 escape as untranslatable (22P05).
    private const string NulInText = "22021";
    private const string NulInJson = "22P05";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // A query's own failure arrives as PostgresException; a save's wrapped in DbUpdateException.
        if (exception is not DbUpdateException && exception.InnerException is { } inner and (PostgresException { SqlState: NulInText or NulInJson } or UnstorableTextException))
        {
            exception = inner;
        }

        var (status, title) = exception switch
        {
            UnstorableTextException or DbUpdateException { InnerException: UnstorableTextException } or
            PostgresException { SqlState: NulInText or NulInJson } or
            DbUpdateException { InnerException: PostgresException { SqlState: NulInText or NulInJson } } =>
                (StatusCodes.Status400BadRequest, "A value holds a character that cannot be stored (U+0000, or half of a surrogate pair). 输入内容包含无法保存的字符。"),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "It changed meanwhile; read it again and retry. 内容已被他人修改，请刷新后重试。"),
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.StringDataRightTruncation } } =>
                (StatusCodes.Status400BadRequest, "A value is longer than allowed. 输入内容超过长度限制。"),
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } =>
                (StatusCodes.Status409Conflict, "That exists already. 该记录已存在。"),
            _ => (0, ""),
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = title,
                // The database does not say which field held it; the body as a whole is named.
                Extensions = { ["field"] = status == StatusCodes.Status400BadRequest ? "body" : null },
            },
            Exception = exception,
        });
    }
}
