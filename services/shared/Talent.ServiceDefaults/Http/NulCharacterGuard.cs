using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Talent.Http;

/// <summary>
/// A NUL character (U+0000) in a query value or a form field is never meaningful here, and PostgreSQL cannot store or
/// compare it (it fails the statement: a 500). Refused at the door with a 400 naming the field, before any handler, or the
/// identity provider's protocol endpoints, reads it. (In JSON bodies the database's refusal is answered as a 400 too.)
/// </summary>
public static class NulCharacterGuard
{
    public static IApplicationBuilder UseNulCharacterGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var field = request.Query.FirstOrDefault(q => q.Key.Contains('\0') || q.Value.Any(v => v?.Contains('\0') == true)).Key;
        // A form whose antiforgery token already failed is left to the endpoint, which refuses it (reading it would throw).
        if (field is null && context.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is not { IsValid: false }
            && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            var form = await request.ReadFormAsync(context.RequestAborted);
            field = form.FirstOrDefault(f => f.Key.Contains('\0') || f.Value.Any(v => v?.Contains('\0') == true)).Key;
        }

        if (field is null)
        {
            await next();
            return;
        }

        await Problems.Invalid(field.Replace("\0", "", StringComparison.Ordinal), "A NUL character is not allowed. 不允许包含空字符（U+0000）。").ExecuteAsync(context);
    });
}
