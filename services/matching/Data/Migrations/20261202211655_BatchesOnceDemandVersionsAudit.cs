using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talent.Matching.Data.Migrations
{
    /// <inheritdoc />
    public partial class BatchesOnceDemandVersionsAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_proposals_demand_id",
                table: "proposals");

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "demands",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    action = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    subject = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: true),
                    details = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.id);
                });

            // Pairs that concurrent batches proposed twice before this index: keep one per pair (the accepted one, else the
            // earliest), so the unique index can be built; an engagement keeps its own copy of what it needs.
            migrationBuilder.Sql("""
                DELETE FROM proposals WHERE id IN (
                    SELECT id FROM (
                        SELECT id, row_number() OVER (
                            PARTITION BY demand_id, provider_id
                            ORDER BY (state = 'Accepted') DESC, (state = 'Declined') DESC, proposed_at, id) AS n
                        FROM proposals) ranked
                    WHERE n > 1);
                """);

            migrationBuilder.CreateIndex(
                name: "IX_proposals_demand_id_provider_id",
                table: "proposals",
                columns: new[] { "demand_id", "provider_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_at",
                table: "audit_entries",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_subject_revision",
                table: "audit_entries",
                columns: new[] { "subject", "revision" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropIndex(
                name: "IX_proposals_demand_id_provider_id",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "demands");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_demand_id",
                table: "proposals",
                column: "demand_id");
        }
    }
}
