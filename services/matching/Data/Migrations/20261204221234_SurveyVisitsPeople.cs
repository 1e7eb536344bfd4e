using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talent.Matching.Data.Migrations
{
    /// <inheritdoc />
    public partial class SurveyVisitsPeople : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "corrected_at",
                table: "demands",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "corrections",
                table: "demands",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "recorded_by_id",
                table: "demands",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "recorded_by_name",
                table: "demands",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "visit_id",
                table: "demands",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "people",
                columns: table => new
                {
                    subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    roles = table.Column<List<string>>(type: "text[]", nullable: false),
                    department = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    applicant_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    disabled = table.Column<bool>(type: "boolean", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people", x => x.subject);
                });

            migrationBuilder.CreateTable(
                name: "survey_visits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    visitor_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    visitor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    visitor_role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    client_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    client_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    client_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    visited_on = table.Column<DateOnly>(type: "date", nullable: false),
                    summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    demand_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_survey_visits", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_demands_visit_id",
                table: "demands",
                column: "visit_id",
                filter: "visit_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_survey_visits_client_id_visited_on",
                table: "survey_visits",
                columns: new[] { "client_id", "visited_on" });

            migrationBuilder.CreateIndex(
                name: "IX_survey_visits_visitor_id_recorded_at",
                table: "survey_visits",
                columns: new[] { "visitor_id", "recorded_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "people");

            migrationBuilder.DropTable(
                name: "survey_visits");

            migrationBuilder.DropIndex(
                name: "IX_demands_visit_id",
                table: "demands");

            migrationBuilder.DropColumn(
                name: "corrected_at",
                table: "demands");

            migrationBuilder.DropColumn(
                name: "corrections",
                table: "demands");

            migrationBuilder.DropColumn(
                name: "recorded_by_id",
                table: "demands");

            migrationBuilder.DropColumn(
                name: "recorded_by_name",
                table: "demands");

            migrationBuilder.DropColumn(
                name: "visit_id",
                table: "demands");
        }
    }
}
