using Microsoft.EntityFrameworkCore;
using Talent.Applications.Applying;
using Talent.Applications.Data;
using Talent.Contracts.Exchange;
using Talent.Messaging.Inbox;

namespace Talent.Applications.Materials;

/// <summary>
/// What the exchange got from a department's system for a material that need not be submitted (免提交) is kept on the
/// case, with its source and time, for the staff handling it. Taken in batches (<see cref="BatchInboxConsumer{TContext, TMessage}"/>):
/// most submissions are answered here, one read of the cases and one transaction a batch.
/// </summary>
public sealed class SharedMaterialConsumer(ApplicationsDbContext db, TimeProvider time, ILogger<SharedMaterialConsumer> logger)
    : BatchInboxConsumer<ApplicationsDbContext, SharedMaterialsObtained>(db, time, logger)
{
    protected override async Task HandleAsync(IReadOnlyList<SharedMaterialsObtained> messages, CancellationToken cancellationToken)
    {
        var ids = messages.Select(m => m.ApplicationId).Distinct().ToList();
        var applications = await Db.Applications.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        foreach (var message in messages)
        {
            if (!applications.TryGetValue(message.ApplicationId, out var application))
            {
                continue;
            }

            foreach (var answer in message.Answers)
            {
                application.RecordShared(answer.MaterialCode, new SharedRecord(answer.Status, answer.Source, answer.Record, answer.Sha256, answer.Note, message.OccurredAt));
            }
        }
    }
}
