using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Talent.Identity.Data;
using Talent.Messaging.Metrics;

namespace Talent.Identity.Account;

/// <summary>
/// The sign-in page, in Chinese or English (from <c>?lang=</c>, else the browser's Accept-Language), with a switch.
/// A wrong password, an unknown user, a disabled or locked account all get the same message: the page never
/// tells whether an account exists. Repeated failures lock the account (Identity:MaxFailedSignIns).
/// </summary>
public static class SignInPage
{
    public static IEndpointRouteBuilder MapSignInPage(this IEndpointRouteBuilder routes)
    {
        var account = routes.MapGroup("/account").AllowAnonymous().ExcludeFromDescription().WithTags("Account");
        account.MapGet("/login", Show).WithName("ShowSignIn").WithSummary("The sign-in page (HTML).");
        account.MapPost("/login", SignInAsync).WithName("SignIn").WithSummary("Signs in from the page's form: back to the return URL, or the page again.");
        return routes;
    }

    public sealed class SignInForm
    {
        public string? UserName { get; set; }

        public string? Password { get; set; }

        public string? ReturnUrl { get; set; }

        public string? Lang { get; set; }
    }

    private static ContentHttpResult Show(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? lang) =>
        Page(http, antiforgery, Language(http, lang), SafeReturnUrl(http, returnUrl), failed: false, userName: null);

    private static async Task<Results<RedirectHttpResult, ContentHttpResult>> SignInAsync(
        HttpContext http,
        [FromForm] SignInForm form,
        IAntiforgery antiforgery,
        UserManager<TalentUser> users,
        SignInManager<TalentUser> signIns,
        BusinessMeters meters)
    {
        var lang = Language(http, form.Lang);
        var returnUrl = SafeReturnUrl(http, form.ReturnUrl);
        var user = string.IsNullOrWhiteSpace(form.UserName) ? null : await users.FindByNameAsync(form.UserName.Trim());
        if (user is not null && !user.Disabled)
        {
            var result = await signIns.PasswordSignInAsync(user, form.Password ?? "", isPersistent: false, lockoutOnFailure: true);
            meters.SignedIn(result, "form");
            if (result.Succeeded)
            {
                return TypedResults.Redirect(returnUrl);
            }
        }

        return Page(http, antiforgery, lang, returnUrl, failed: true, userName: form.UserName, status: StatusCodes.Status400BadRequest);
    }

    private static ContentHttpResult Page(HttpContext http, IAntiforgery antiforgery, string lang, string returnUrl, bool failed, string? userName, int status = 200)
    {
        var zh = lang == "zh";
        var tokens = antiforgery.GetAndStoreTokens(http);
        string T(string chinese, string english) => WebUtility.HtmlEncode(zh ? chinese : english);
        var action = http.Request.PathBase + "/account/login";
        var other = zh ? "en" : "zh";
        var switchUrl = $"{action}?lang={other}&returnUrl={Uri.EscapeDataString(returnUrl)}";
        var html = $$"""
            <!doctype html>
            <html lang="{{(zh ? "zh-CN" : "en")}}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{T("登录 · 人才服务平台", "Sign in · Talent services")}}</title>
            <style>body{font-family:system-ui,sans-serif;max-width:24rem;margin:4rem auto;padding:0 1rem}label,input,button{display:block;width:100%;margin:.4rem 0}input,button{padding:.6rem;font-size:1rem}.error{color:#b00020}</style></head>
            <body>
            <p><a href="{{WebUtility.HtmlEncode(switchUrl)}}">{{(zh ? "English" : "中文")}}</a></p>
            <h1>{{T("登录", "Sign in")}}</h1>
            {{(failed ? $"<p class=\"error\" role=\"alert\">{T("用户名或密码错误，或账号暂不可用。多次失败后账号将被临时锁定。", "Wrong user name or password, or the account is not available. Repeated failures lock the account for a while.")}</p>" : "")}}
            <form method="post" action="{{WebUtility.HtmlEncode(action)}}">
            <input type="hidden" name="{{tokens.FormFieldName}}" value="{{WebUtility.HtmlEncode(tokens.RequestToken)}}">
            <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(returnUrl)}}">
            <input type="hidden" name="lang" value="{{lang}}">
            <label for="userName">{{T("用户名", "User name")}}</label>
            <input id="userName" name="userName" autocomplete="username" required value="{{WebUtility.HtmlEncode(userName ?? "")}}">
            <label for="password">{{T("密码", "Password")}}</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required>
            <button type="submit">{{T("登录", "Sign in")}}</button>
            </form>
            </body></html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    private static string Language(HttpContext http, string? requested)
    {
        if (requested is "zh" or "en")
        {
            return requested;
        }

        var accepted = http.Request.Headers.AcceptLanguage.ToString();
        var zhAt = accepted.IndexOf("zh", StringComparison.OrdinalIgnoreCase);
        var enAt = accepted.IndexOf("en", StringComparison.OrdinalIgnoreCase);
        return zhAt >= 0 && (enAt < 0 || zhAt < enAt) ? "zh" : "en";
    }

    /// <summary>Only a local path under this server's base may be returned to: never an open redirect.</summary>
    private static string SafeReturnUrl(HttpContext http, string? returnUrl) => ReturnUrl.SafeOrDefault(returnUrl, http.Request.PathBase);
}
