using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talent.Applications.Data.Migrations
{
    /// <inheritdoc />
    public partial class EnquiryFirstAsk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "channel",
                table: "enquiries",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "online");

            migrationBuilder.AddColumn<int>(
                name: "handovers",
                table: "enquiries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "owner_department",
                table: "enquiries",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "received_by_id",
                table: "enquiries",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "steps",
                table: "enquiries",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "enquiries",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            // Enquiries from before: asked online, owned (if answered) by their lead department's answerer; their steps rebuilt.
            migrationBuilder.Sql("""
                UPDATE enquiries SET
                    owner_department = CASE WHEN owner_id IS NULL THEN NULL ELSE department END,
                    steps = jsonb_build_array(jsonb_build_object('at', asked_at, 'actorId', applicant_id, 'actorName', applicant_name, 'action', 'ask'))
                        || CASE WHEN answered_at IS NULL THEN '[]'::jsonb
                           ELSE jsonb_build_array(jsonb_build_object('at', answered_at, 'actorId', owner_id, 'actorName', owner_name, 'action', 'answer')) END;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_enquiries_owner_id",
                table: "enquiries",
                column: "owner_id",
                filter: "owner_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_enquiries_received_by_id",
                table: "enquiries",
                column: "received_by_id",
                filter: "received_by_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_enquiries_owner_id",
                table: "enquiries");

            migrationBuilder.DropIndex(
                name: "IX_enquiries_received_by_id",
                table: "enquiries");

            migrationBuilder.DropColumn(
                name: "channel",
                table: "enquiries");

            migrationBuilder.DropColumn(
                name: "handovers",
                table: "enquiries");

            migrationBuilder.DropColumn(
                name: "owner_department",
                table: "enquiries");

            migrationBuilder.DropColumn(
                name: "received_by_id",
                table: "enquiries");

            migrationBuilder.DropColumn(
                name: "steps",
                table: "enquiries");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "enquiries");
        }
    }
}
