using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talent.Applications.Data.Migrations
{
    /// <inheritdoc />
    public partial class ApplyingAndCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "applications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    applicant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    applicant_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    item_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    item_version = table.Column<int>(type: "integer", nullable: false),
                    item_title_zh = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    lead_department = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    departments = table.Column<List<string>>(type: "text[]", nullable: false),
                    channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    filed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    state = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    answers = table.Column<string>(type: "jsonb", nullable: false),
                    materials = table.Column<string>(type: "jsonb", nullable: false),
                    steps = table.Column<string>(type: "jsonb", nullable: false),
                    history = table.Column<string>(type: "jsonb", nullable: false),
                    owner_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    owner_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    owner_contact = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acceptance_deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    committed_limit_days = table.Column<int>(type: "integer", nullable: false),
                    decision_deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    paused_days = table.Column<int>(type: "integer", nullable: false),
                    paused_since = table.Column<DateOnly>(type: "date", nullable: true),
                    awaiting_department = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decision = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    decision_reasons = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    in_person_visits = table.Column<int>(type: "integer", nullable: false),
                    submit_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    due_soon_raised_for = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    overdue_raised_for = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_applications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "calendar_years",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    holidays = table.Column<List<DateOnly>>(type: "date[]", nullable: false),
                    make_up_workdays = table.Column<List<DateOnly>>(type: "date[]", nullable: false),
                    source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    provisional = table.Column<bool>(type: "boolean", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_years", x => x.year);
                });

            migrationBuilder.CreateTable(
                name: "material_files",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    applicant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    material_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    material_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    valid_until = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_material_files", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reference_counters",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reference_counters", x => x.year);
                });

            migrationBuilder.CreateIndex(
                name: "IX_applications_applicant_id_created_at",
                table: "applications",
                columns: new[] { "applicant_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_applications_awaiting_department_due_on",
                table: "applications",
                columns: new[] { "awaiting_department", "due_on" });

            migrationBuilder.CreateIndex(
                name: "IX_applications_reference",
                table: "applications",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_applications_state_due_on",
                table: "applications",
                columns: new[] { "state", "due_on" });

            migrationBuilder.CreateIndex(
                name: "IX_material_files_applicant_id_accepted_at",
                table: "material_files",
                columns: new[] { "applicant_id", "accepted_at" });

            migrationBuilder.CreateIndex(
                name: "IX_material_files_application_id",
                table: "material_files",
                column: "application_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "applications");

            migrationBuilder.DropTable(
                name: "calendar_years");

            migrationBuilder.DropTable(
                name: "material_files");

            migrationBuilder.DropTable(
                name: "reference_counters");
        }
    }
}
