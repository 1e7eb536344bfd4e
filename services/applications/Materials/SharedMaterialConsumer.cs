using Microsoft.EntityFrameworkCore;
using Talent.Applications.Applying;
using Talent.Applications.Data;
using Talent.Contracts.Exchange;
using Talent.Messaging.Inbox;

namespace Talent.Applications.Materials;

/// <summary>
/// What the exchange got from a department's system for a material that need not be submitted (免提交) is kept on the
/// case, with its source and time, for the staff handling it.
/// </summary>
public sealed class SharedMaterialConsumer(ApplicationsDbContext db, TimeProvider time, ILogger<SharedMaterialConsumer> logger)
    : InboxConsumer<ApplicationsDbContext, SharedMaterialsObtained>(db, time, logger)
{
    protected override async Task HandleAsync(SharedMaterialsObtained message, CancellationToken cancellationToken)
    {
        var application = await Db.Applications.SingleOrDefaultAsync(a => a.Id == message.ApplicationId, cancellationToken);
        foreach (var answer in application is null ? [] : message.Answers)
        {
            application!.RecordShared(answer.MaterialCode, new SharedRecord(answer.Status, answer.Source, answer.Record, answer.Sha256, answer.Note, message.OccurredAt));
        }
    }
}
