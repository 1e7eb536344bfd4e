using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// A request the framework could not read (malformed JSON, a body over the size limit, a wrong content type)
/// is the client's mistake: its own 4xx with problem details naming the field where known, never a 500.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = bad.StatusCode,
            Title = bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => "The request body is too large. 请求内容过大。",
                StatusCodes.Status415UnsupportedMediaType => "Unsupported content type: send application/json. 不支持的内容类型。",
                _ => "The request could not be read. 请求格式有误。",
            },
            Detail = bad.Message,
        };
        if (bad.InnerException is JsonException { Path: { } path })
        {
            problem.Extensions["field"] = path.TrimStart('$', '.');
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
