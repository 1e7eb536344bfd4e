using Microsoft.EntityFrameworkCore;
using Talent.Contracts.People;
using Talent.Messaging.Inbox;
using Talent.Notifications.Data;

namespace Talent.Notifications.People;

/// <summary>Keeps <see cref="Recipient"/> from <c>PersonChanged</c>: contacts and language (two replicas racing on a new person: one insert fails on the key and is retried).</summary>
public sealed class PersonChangedConsumer(NotificationsDbContext db, TimeProvider time, ILogger<PersonChangedConsumer> logger)
    : InboxConsumer<NotificationsDbContext, PersonChanged>(db, time, logger)
{
    protected override bool Concerns(PersonChanged message) =>
        !string.IsNullOrWhiteSpace(message.Subject) && message.Subject.Length <= Recipient.SubjectLength;

    protected override async Task HandleAsync(PersonChanged message, CancellationToken cancellationToken)
    {
        var recipient = await Db.Recipients.SingleOrDefaultAsync(r => r.Subject == message.Subject, cancellationToken);
        if (recipient is null)
        {
            Db.Recipients.Add(Recipient.From(message));
        }
        else
        {
            recipient.Apply(message);
        }
    }
}
