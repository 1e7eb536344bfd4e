using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Talent.Messaging;

#nullable disable

namespace Talent.Feedback.Data.Migrations
{
    /// <summary>The outbox monitor's count reads only the rows not yet sent (<see cref="MessagingModel.CreateUnsentIndexSql"/>; the model does not change: no snapshot).</summary>
    [DbContext(typeof(FeedbackDbContext))]
    [Migration("20261205100000_OutboxUnsentIndex")]
    public partial class OutboxUnsentIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(MessagingModel.CreateUnsentIndexSql);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(MessagingModel.DropUnsentIndexSql);
    }
}
