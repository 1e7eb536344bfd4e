using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talent.Contracts;
using Talent.Contracts.Applications;
using Talent.Contracts.Catalogue;
using Talent.Contracts.Feedback;
using Talent.Exchange.Data;
using Talent.Exchange.Webhooks;
using Talent.Messaging.Inbox;

namespace Talent.Exchange.Feed;

/// <summary>
/// The one way into the feed: an event is appended once per fact (its dedupe key), with a webhook delivery for each
/// subscription that wants it, in the consumer's transaction. Messages come in batches
/// (<see cref="BatchInboxConsumer{TContext, TMessage}"/>): one query for the batch's dedupe keys, one for the
/// subscriptions, one transaction.
/// </summary>
public abstract class FeedConsumer<TMessage>(ExchangeDbContext db, TimeProvider time, ILogger logger) : BatchInboxConsumer<ExchangeDbContext, TMessage>(db, time, logger)
    where TMessage : class, IIntegrationEvent
{
    /// <summary>The feed entry for the message: type, source, subject, what a municipal system may see, and what makes it one fact.</summary>
    protected abstract (string Type, string Source, string Subject, object Data, string DedupeKey) Entry(TMessage message);

    protected sealed override async Task HandleAsync(IReadOnlyList<TMessage> messages, CancellationToken cancellationToken)
    {
        var entries = messages.Select(m => (Message: m, Entry: Entry(m))).ToList();
        var keys = entries.Select(e => e.Entry.DedupeKey).Distinct(StringComparer.Ordinal).ToList();
        var known = (await Db.Feed.Where(e => keys.Contains(e.DedupeKey)).Select(e => e.DedupeKey).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var now = Time.GetUtcNow();
        var added = new List<FeedEvent>(entries.Count);
        foreach (var (message, (type, source, subject, data, key)) in entries)
        {
            // In arrival order; a fact already in the feed (or earlier in this batch) is not appended again.
            if (known.Add(key))
            {
                var feedEvent = FeedEvent.Of(message.EventId, type, source, subject, message.OccurredAt, JsonSerializer.Serialize(data), key, now);
                Db.Feed.Add(feedEvent);
                added.Add(feedEvent);
            }
        }

        await WebhookFanOut.AddAsync(Db, added, now, cancellationToken);
    }
}

/// <summary>A published item version enters the feed once (a re-announcement of the same version adds nothing).</summary>
public sealed class ItemPublishedToFeed(ExchangeDbContext db, TimeProvider time, ILogger<ItemPublishedToFeed> logger) : FeedConsumer<CatalogueItemPublished>(db, time, logger)
{
    protected override (string, string, string, object, string) Entry(CatalogueItemPublished m) =>
        (FeedTypes.ItemPublished, FeedTypes.CatalogueSource, m.Code, new
        {
            code = m.Code,
            version = m.Version,
            titleZh = m.TitleZh,
            titleEn = m.TitleEn,
            leadDepartment = m.LeadDepartment,
            category = m.Category,
            committedLimitDays = m.FlowCard?.CommittedLimitDays,
            online = m.FlowCard?.Online,
        }, $"published:{m.Code}:{m.Version}");
}

/// <summary>A withdrawn item enters the feed.</summary>
public sealed class ItemWithdrawnToFeed(ExchangeDbContext db, TimeProvider time, ILogger<ItemWithdrawnToFeed> logger) : FeedConsumer<CatalogueItemWithdrawn>(db, time, logger)
{
    protected override (string, string, string, object, string) Entry(CatalogueItemWithdrawn m) =>
        (FeedTypes.ItemWithdrawn, FeedTypes.CatalogueSource, m.Code, new { code = m.Code, version = m.Version, reason = m.Reason }, $"withdrawn:{m.Code}:{m.Version}");
}

/// <summary>
/// A case's new state enters the feed when its applicant consented to share it (applications raises the event only
/// then): the reference, the applicant, the item and the state with its dates.
/// </summary>
public sealed class ApplicationStateToFeed(ExchangeDbContext db, TimeProvider time, ILogger<ApplicationStateToFeed> logger) : FeedConsumer<ApplicationStateShared>(db, time, logger)
{
    protected override (string, string, string, object, string) Entry(ApplicationStateShared m) =>
        (FeedTypes.ApplicationState, FeedTypes.ApplicationsSource, m.Reference, new
        {
            reference = m.Reference,
            applicantId = m.ApplicantId,
            itemCode = m.ItemCode,
            itemVersion = m.ItemVersion,
            leadDepartment = m.LeadDepartment,
            state = m.State,
            submittedAt = m.SubmittedAt,
            dueOn = m.DueOn,
        }, $"application-state:{m.EventId}");
}

/// <summary>A month's published satisfaction figures (好差评) enter the feed once: overall and per department, aggregates only.</summary>
public sealed class FiguresToFeed(ExchangeDbContext db, TimeProvider time, ILogger<FiguresToFeed> logger) : FeedConsumer<SatisfactionFiguresPublished>(db, time, logger)
{
    private static double? Rate(int satisfied, int reviews) => reviews == 0 ? null : Math.Round(100.0 * satisfied / reviews, 1);

    protected override (string, string, string, object, string) Entry(SatisfactionFiguresPublished m) =>
        (FeedTypes.SatisfactionFigures, FeedTypes.FeedbackSource, m.Month, new
        {
            month = m.Month,
            reviews = m.Reviews,
            satisfied = m.Satisfied,
            negative = m.Negative,
            satisfactionRate = Rate(m.Satisfied, m.Reviews),
            departments = m.Departments.Select(d => new { department = d.Department, reviews = d.Reviews, satisfied = d.Satisfied, negative = d.Negative, satisfactionRate = Rate(d.Satisfied, d.Reviews) }),
        }, $"figures:{m.Month}");
}
