using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talent.Contracts.Applications;
using Talent.Contracts.Feedback;
using Talent.Matching.Data;
using Talent.Messaging.Inbox;
using Talent.ReadModels;

namespace Talent.Matching.Record;

/// <summary>
/// An application submitted joins its applicant's record, with the item's title and stages from the catalogue copy. Taken
/// in batches (<see cref="BatchInboxConsumer{TContext, TMessage}"/>): every submission fans out here, one catalogue lookup
/// and one transaction a batch.
/// </summary>
public sealed class RecordSubmittedConsumer(MatchingDbContext db, TimeProvider time, ILogger<RecordSubmittedConsumer> logger)
    : BatchInboxConsumer<MatchingDbContext, ApplicationSubmitted>(db, time, logger)
{
    protected override async Task HandleAsync(IReadOnlyList<ApplicationSubmitted> messages, CancellationToken cancellationToken)
    {
        var items = await RecordFacts.ItemsAsync(Db, messages.Select(m => m.ItemCode), cancellationToken);
        foreach (var m in messages)
        {
            Db.Add(RecordFacts.Entry(items.GetValueOrDefault(m.ItemCode), m.EventId, m.ApplicantId, m.OccurredAt, RecordEntry.Submitted, m.ApplicationId, m.Reference,
                m.ItemCode, m.Channel));
        }
    }
}

/// <summary>An application decided (approved or denied) joins its applicant's record; an approval counts toward the stage reached.</summary>
public sealed class RecordDecidedConsumer(MatchingDbContext db, TimeProvider time, ILogger<RecordDecidedConsumer> logger)
    : InboxConsumer<MatchingDbContext, ApplicationDecided>(db, time, logger)
{
    protected override async Task HandleAsync(ApplicationDecided message, CancellationToken cancellationToken) =>
        Db.Add(await RecordFacts.EntryAsync(Db, message.EventId, message.ApplicantId, message.OccurredAt, RecordEntry.Decided, message.ApplicationId, message.Reference,
            message.ItemCode, message.Approved ? "approved" : "denied", cancellationToken));
}

/// <summary>
/// A rating (好差评) joins the record of whoever was served: the event names only the application or engagement rated, so
/// the person is found when the record is read (whichever event arrived first).
/// </summary>
public sealed class RecordRatedConsumer(MatchingDbContext db, TimeProvider time, ILogger<RecordRatedConsumer> logger)
    : InboxConsumer<MatchingDbContext, EvaluationSubmitted>(db, time, logger)
{
    protected override async Task HandleAsync(EvaluationSubmitted message, CancellationToken cancellationToken) =>
        Db.Add(await RecordFacts.EntryAsync(Db, message.EventId, "", message.OccurredAt, RecordEntry.Rated, message.SubjectId, message.Subject,
            message.Subject == "application" ? message.ItemCode : null, message.Level, cancellationToken));
}

internal static class RecordFacts
{
    public static async Task<RecordEntry> EntryAsync(MatchingDbContext db, Guid eventId, string personId, DateTimeOffset at, string kind, Guid subjectId, string reference,
        string? itemCode, string? outcome, CancellationToken ct)
    {
        var item = itemCode is null ? null : await db.CatalogueItems.AsNoTracking().SingleOrDefaultAsync(i => i.Code == itemCode, ct);
        return Entry(item, eventId, personId, at, kind, subjectId, reference, itemCode, outcome);
    }

    /// <summary>The catalogue copies of the items named, by code (one query).</summary>
    public static async Task<Dictionary<string, CatalogueItemCopy>> ItemsAsync(MatchingDbContext db, IEnumerable<string> codes, CancellationToken ct)
    {
        var wanted = codes.Distinct(StringComparer.Ordinal).ToList();
        return await db.CatalogueItems.AsNoTracking().Where(i => wanted.Contains(i.Code)).ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
    }

    /// <summary>The entry, with the item's titles and stages when its copy is known.</summary>
    public static RecordEntry Entry(CatalogueItemCopy? item, Guid eventId, string personId, DateTimeOffset at, string kind, Guid subjectId, string reference,
        string? itemCode, string? outcome) =>
        RecordEntry.Of(eventId, personId, at, kind, subjectId, reference, itemCode, item?.TitleZh, item?.TitleEn,
            (item?.Stages ?? []).Select(JsonNamingPolicy.CamelCase.ConvertName), outcome);
}
