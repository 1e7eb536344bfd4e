using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Talent.Notifications.Data;
using Talent.Notifications.Deliveries;
using Talent.Notifications.Inbox;
using Talent.Notifications.Messages;
using Talent.Notifications.People;

namespace Talent.Notifications.Preferences;

/// <summary>
/// A person's choices: the language messages are written in, and per kind whether e-mail and SMS are wanted (the in-app
/// inbox is always on). Also says which channels this installation can send through, and why not.
/// </summary>
public static class PreferencesApi
{
    public sealed record ChannelView(string Channel, bool Available, string? Address, string? Reason);

    public sealed record KindChoice(string? Kind, bool? Email, bool? Sms);

    public sealed record PreferencesView(string Language, IReadOnlyList<string> Languages, IReadOnlyList<ChannelView> Channels, IReadOnlyList<KindChoice> Kinds);

    /// <summary>What to change: the language (null keeps it), and the kinds given (others keep their choices).</summary>
    public sealed record PreferencesChange(string? Language, KindChoice[]? Kinds);

    private const string SmsOff = "SMS is not set up on this platform (it needs a Dapr output binding). 本平台未开通短信通道。";
    private const string EmailOff = "E-mail is not set up on this platform (no SMTP server). 本平台未配置邮件服务器。";
    private const string NoPhone = "No mobile number on your account; ask an operator to add one. 您的账户没有手机号码，请联系运营人员添加。";
    private const string NoAddress = "No e-mail address on your account; ask an operator to add one. 您的账户没有电子邮箱，请联系运营人员添加。";

    public static IEndpointRouteBuilder MapPreferencesApi(this IEndpointRouteBuilder routes)
    {
        var preferences = routes.MapGroup("/api/notifications/preferences").RequireAuthorization(NotificationsPolicies.Person).WithTags("Preferences");
        preferences.MapGet("", GetAsync).WithName("MyNotificationPreferences")
            .WithSummary("The caller's language and channel choices per kind, and which channels can send here.");
        preferences.MapPut("", PutAsync).WithName("SetMyNotificationPreferences")
            .WithSummary("Changes the caller's language and, per kind given, whether e-mail and SMS are wanted (in-app is always on).");
        return routes;
    }

    private static async Task<Ok<PreferencesView>> GetAsync(ClaimsPrincipal user, NotificationsDbContext db, IOptions<NotificationsOptions> options, SmsSender sms, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ViewAsync(InboxApi.SubjectOf(user), db, options.Value, sms, cancellationToken));

    private static async Task<Results<Ok<PreferencesView>, ValidationProblem>> PutAsync(
        PreferencesChange change, ClaimsPrincipal user, NotificationsDbContext db, IOptions<NotificationsOptions> options, SmsSender sms, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (change.Language is not null && !Languages.All.Contains(change.Language))
        {
            errors["language"] = [$"One of: {string.Join(", ", Languages.All)}. 语言须为 zh-CN 或 en。"];
        }

        var kinds = change.Kinds ?? [];
        if (kinds.Length > NotificationKinds.All.Length)
        {
            errors["kinds"] = [$"At most {NotificationKinds.All.Length} kinds, each once. 每类消息只能设置一次。"];
        }

        for (var i = 0; i < kinds.Length && errors.Count == 0; i++)
        {
            if (kinds[i] is null || kinds[i].Kind is not { } kind || !NotificationKinds.All.Contains(kind))
            {
                errors[$"kinds[{i}].kind"] = [$"One of: {string.Join(", ", NotificationKinds.All)}. 消息类别不正确。"];
            }
            else if (kinds[..i].Any(k => k.Kind == kind))
            {
                errors[$"kinds[{i}].kind"] = ["Each kind once. 每类消息只能设置一次。"];
            }
            else if (kinds[i].Sms == true && !sms.Available)
            {
                errors[$"kinds[{i}].sms"] = [SmsOff];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var subject = InboxApi.SubjectOf(user);
        var now = time.GetUtcNow();
        if (change.Language is not null)
        {
            var recipient = await db.Recipients.SingleOrDefaultAsync(r => r.Subject == subject, cancellationToken);
            if (recipient is null)
            {
                recipient = Recipient.Unannounced(subject);
                db.Recipients.Add(recipient);
            }

            recipient.Choose(change.Language);
        }

        var stored = await db.Preferences.Where(p => p.Subject == subject).ToDictionaryAsync(p => p.Kind, cancellationToken);
        foreach (var choice in kinds)
        {
            if (!stored.TryGetValue(choice.Kind!, out var preference))
            {
                preference = ChannelPreference.For(subject, choice.Kind!);
                db.Preferences.Add(preference);
            }

            preference.Set(choice.Email ?? preference.Email, choice.Sms ?? preference.Sms, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ViewAsync(subject, db, options.Value, sms, cancellationToken));
    }

    private static ChannelView Sms(Recipient? recipient, SmsSender sms) =>
        !sms.Available ? new ChannelView("sms", false, null, SmsOff)
        : recipient?.Phone is { } phone ? new ChannelView("sms", true, phone, null)
        : new ChannelView("sms", false, null, NoPhone);

    private static async Task<PreferencesView> ViewAsync(string subject, NotificationsDbContext db, NotificationsOptions options, SmsSender sms, CancellationToken cancellationToken)
    {
        var recipient = await db.Recipients.AsNoTracking().SingleOrDefaultAsync(r => r.Subject == subject, cancellationToken);
        var stored = await db.Preferences.AsNoTracking().Where(p => p.Subject == subject).ToDictionaryAsync(p => p.Kind, cancellationToken);
        var email = options.Smtp.Configured
            ? recipient?.Email is { } address ? new ChannelView("email", true, address, null) : new ChannelView("email", false, null, NoAddress)
            : new ChannelView("email", false, null, EmailOff);
        return new PreferencesView(
            recipient?.WritesIn ?? Languages.Chinese,
            Languages.All,
            [new ChannelView("inApp", true, null, null), email, Sms(recipient, sms)],
            [.. NotificationKinds.All.Select(k => stored.TryGetValue(k, out var p) ? new KindChoice(k, p.Email, p.Sms) : new KindChoice(k, ChannelPreference.DefaultEmail, ChannelPreference.DefaultSms))]);
    }
}
