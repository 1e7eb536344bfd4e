using Talent.Contracts.Applications;
using Talent.Matching.Data;
using Talent.Messaging.Inbox;

namespace Talent.Matching.Suggestions;

/// <summary>
/// A submitted application may suggest something to its applicant (rules with the <c>submitted</c> trigger). Taken in
/// batches (<see cref="BatchInboxConsumer{TContext, TMessage}"/>): every submission fans out here, the rules are read and
/// the transaction committed once a batch.
/// </summary>
public sealed class SuggestOnSubmitted(MatchingDbContext db, TimeProvider time, ILogger<SuggestOnSubmitted> logger) : BatchInboxConsumer<MatchingDbContext, ApplicationSubmitted>(db, time, logger)
{
    protected override Task HandleAsync(IReadOnlyList<ApplicationSubmitted> messages, CancellationToken cancellationToken) =>
        Suggester.SuggestAsync(Db, "submitted", [.. messages.Select(m => new SuggestionCause(m.ApplicantId, m.ApplicationId, m.ItemCode))], Time.GetUtcNow(), cancellationToken);
}

/// <summary>An approved application may too (rules with the <c>approved</c> trigger); a rejected one suggests nothing.</summary>
public sealed class SuggestOnDecided(MatchingDbContext db, TimeProvider time, ILogger<SuggestOnDecided> logger) : InboxConsumer<MatchingDbContext, ApplicationDecided>(db, time, logger)
{
    protected override Task HandleAsync(ApplicationDecided message, CancellationToken cancellationToken) =>
        message.Approved
            ? Suggester.SuggestAsync(Db, "approved", [new SuggestionCause(message.ApplicantId, message.ApplicationId, message.ItemCode)], Time.GetUtcNow(), cancellationToken)
            : Task.CompletedTask;
}
