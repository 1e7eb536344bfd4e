using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Talent.Notifications.Data;
using Talent.Notifications.Deliveries;
using Talent.Notifications.Inbox;
using Talent.Notifications.People;
using Talent.Notifications.Preferences;

namespace Talent.Notifications.Messages;

/// <summary>
/// Makes a person's notification of an event: the inbox entry in their language and a delivery for each channel they
/// want and can be reached on. Added to the consumer's unit of work, saved with its inbox row (one transaction), and
/// counted once that commits (<see cref="NotificationsCounter"/>).
/// </summary>
public sealed class Notifier(NotificationsDbContext db, TimeProvider time, IOptions<NotificationsOptions> options, SmsSender sms)
{
    private readonly Dictionary<string, List<string>> _staff = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string? Zh, string? En)> _titles = new(StringComparer.Ordinal);

    public async Task NotifyAsync(string? recipientId, Guid sourceEventId, MessageFacts facts, string? link, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(recipientId) || recipientId.Length > Recipient.SubjectLength)
        {
            return;
        }

        // The inbox skips a redelivery at commit; this also spares a second consumer of the same event (and keeps the
        // notification's unique index from failing the transaction before the inbox's key could name it a duplicate).
        if (await db.Notifications.AnyAsync(n => n.SourceEventId == sourceEventId && n.RecipientId == recipientId, cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow();
        var recipient = await db.Recipients.SingleOrDefaultAsync(r => r.Subject == recipientId, cancellationToken);
        var language = recipient?.WritesIn ?? Languages.Chinese;
        var notification = Notification.Create(recipientId, sourceEventId, facts, language, Templates.Write(facts, language), link, now);
        db.Notifications.Add(notification);

        var preference = await db.Preferences.SingleOrDefaultAsync(p => p.Subject == recipientId && p.Kind == facts.Kind, cancellationToken);
        if (recipient is { Disabled: false, Email: { } email } && (preference?.Email ?? ChannelPreference.DefaultEmail) && options.Value.Smtp.Configured)
        {
            db.Deliveries.Add(Delivery.Create(notification.Id, Delivery.EmailChannel, email, now));
        }

        if (recipient is { Disabled: false, Phone: { } phone } && (preference?.Sms ?? ChannelPreference.DefaultSms) && sms.Available)
        {
            db.Deliveries.Add(Delivery.Create(notification.Id, Delivery.SmsChannel, phone, now));
        }
    }

    /// <summary>The owner when there is one, else every active staff member of the department (who can take it up: 首问).</summary>
    public async Task NotifyOwnerOrDepartmentAsync(string? ownerId, string department, Guid sourceEventId, MessageFacts facts, string link, CancellationToken cancellationToken)
    {
        foreach (var recipient in ownerId is not null ? [ownerId] : await StaffOfAsync(department, cancellationToken))
        {
            await NotifyAsync(recipient, sourceEventId, facts, link, cancellationToken);
        }
    }

    /// <summary>
    /// The active staff of a department (as the identity service last announced them); read once in a scope (a message, or a
    /// batch of them: the deadline sweep's alerts come by the hundred).
    /// </summary>
    public async Task<List<string>> StaffOfAsync(string department, CancellationToken cancellationToken)
    {
        if (!_staff.TryGetValue(department, out var staff))
        {
            _staff[department] = staff = await db.Recipients.AsNoTracking().Where(r => r.Staff && !r.Disabled && r.Department == department)
                .OrderBy(r => r.Subject).Select(r => r.Subject).Take(500).ToListAsync(cancellationToken);
        }

        return staff;
    }

    /// <summary>The item's names from the catalogue copy (the code alone when the copy does not hold it yet); read once in a scope.</summary>
    public async Task<(string? Zh, string? En)> ItemTitleAsync(string itemCode, CancellationToken cancellationToken)
    {
        if (!_titles.TryGetValue(itemCode, out var title))
        {
            var item = await db.CatalogueItems.AsNoTracking().Where(i => i.Code == itemCode).Select(i => new { i.TitleZh, i.TitleEn }).SingleOrDefaultAsync(cancellationToken);
            _titles[itemCode] = title = (item?.TitleZh, item?.TitleEn);
        }

        return title;
    }

    /// <summary>A person's display name, for messages that name them (a case's owner).</summary>
    public Task<string?> NameOfAsync(string? subject, CancellationToken cancellationToken) =>
        subject is null ? Task.FromResult<string?>(null) : db.Recipients.AsNoTracking().Where(r => r.Subject == subject).Select(r => r.DisplayName).SingleOrDefaultAsync(cancellationToken);
}
