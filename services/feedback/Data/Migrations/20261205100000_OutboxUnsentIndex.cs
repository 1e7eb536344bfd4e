using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Talent.Feedback.Data.Migrations;

/// <summary>The outbox monitor reads only the rows not yet sent (<see cref="Talent.Messaging.Outbox.OutboxUnsentIndexMigration"/>).</summary>
[DbContext(typeof(FeedbackDbContext))]
[Migration("20261205100000_OutboxUnsentIndex")]
public sealed class OutboxUnsentIndex : Talent.Messaging.Outbox.OutboxUnsentIndexMigration;
