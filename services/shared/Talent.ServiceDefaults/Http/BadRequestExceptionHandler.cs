using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// A request the framework could not read (malformed JSON, a form without its boundary, a query value of the wrong type, a missing required value, a
/// body over the size limit, a wrong content type) is the client's mistake: its own 4xx with problem details naming the
/// field where known, never a 500. Minimal APIs throw these in every environment (<c>ThrowOnBadRequest</c>, set in
/// the service defaults), so this handler answers them all the same way.
/// </summary>
public sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // A body a handler reads itself (ReadFromJsonAsync, ReadFormAsync) fails with the parser's own exception.
        var bad = exception switch
        {
            BadHttpRequestException request => request,
            JsonException json => new BadHttpRequestException("The request body is not valid JSON: " + json.Message, StatusCodes.Status400BadRequest, json),
            InvalidDataException form => new BadHttpRequestException("The form could not be read: " + form.Message, StatusCodes.Status400BadRequest, form),
            Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException antiforgery =>
                new BadHttpRequestException("The form's antiforgery token is missing or invalid: reload the page.", StatusCodes.Status400BadRequest, antiforgery),
            _ => null,
        };
        if (bad is null)
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
        if (FieldOf(bad) is { Length: > 0 } field)
        {
            problem.Extensions["field"] = field;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The JSON path of a body that did not parse, else the parameter named in the framework's message.</summary>
    private static string? FieldOf(BadHttpRequestException bad)
    {
        if (bad.InnerException is InvalidDataException)
        {
            return "body";
        }

        if (bad.InnerException is Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException)
        {
            return "__RequestVerificationToken";
        }

        if (bad.InnerException is JsonException json)
        {
            // A body broken at its root ("{", "[]" where an object was wanted) is the body's fault as a whole.
            var path = json.Path?.TrimStart('$', '.');
            return string.IsNullOrEmpty(path) ? "body" : path;
        }

        // 'Failed to bind parameter "int page" from "x".', 'Required parameter "string code" was not provided from route.'
        // The message names the parameter as declared (PascalCase on a bound record); fields are camelCase on the wire.
        var named = ParameterName().Match(bad.Message);
        return named.Success ? JsonNamingPolicy.CamelCase.ConvertName(named.Groups["name"].Value) : null;
    }

    [GeneratedRegex("""parameter "(?:[^"]* )?(?<name>[A-Za-z_][A-Za-z0-9_]*)" """, RegexOptions.CultureInvariant)]
    private static partial Regex ParameterName();
}
