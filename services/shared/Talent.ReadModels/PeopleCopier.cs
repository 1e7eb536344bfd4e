using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Talent.Contracts.People;
using Talent.Messaging.Inbox;

namespace Talent.ReadModels;

/// <summary>Keeps <see cref="PersonCopy"/> from <c>PersonChanged</c>, in the same transaction as the inbox record.</summary>
/// <remarks>
/// Two replicas adding the same new person at once: one insert fails on the key, the message is retried and then
/// finds the row, so the later change still wins.
/// </remarks>
public sealed class PersonChangedCopier<TDb>(TDb db, TimeProvider time, ILogger<PersonChangedCopier<TDb>> logger)
    : InboxConsumer<TDb, PersonChanged>(db, time, logger)
    where TDb : DbContext
{
    protected override string ConsumerName => "PersonChangedConsumer";

    // A subject longer than the column names nobody this service could refer to (subjects are ids of at most 100).
    protected override bool Concerns(PersonChanged message) =>
        !string.IsNullOrWhiteSpace(message.Subject) && message.Subject.Length <= PersonCopy.SubjectLength;

    protected override async Task HandleAsync(PersonChanged message, CancellationToken cancellationToken)
    {
        var people = Db.Set<PersonCopy>();
        var copy = await people.SingleOrDefaultAsync(p => p.Subject == message.Subject, cancellationToken);
        if (copy is null)
        {
            people.Add(PersonCopy.From(message, Time.GetUtcNow()));
        }
        else
        {
            copy.Apply(message, Time.GetUtcNow());
        }
    }
}
