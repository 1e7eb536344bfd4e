using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talent.Feedback.Data.Migrations
{
    /// <inheritdoc />
    public partial class RectificationTicketsFiguresAnalysis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "application_id",
                table: "evaluations",
                newName: "subject_id");

            migrationBuilder.RenameIndex(
                name: "IX_evaluations_application_id",
                table: "evaluations",
                newName: "IX_evaluations_subject_id");

            migrationBuilder.RenameColumn(
                name: "application_id",
                table: "evaluation_invitations",
                newName: "subject_id");

            migrationBuilder.CreateSequence(
                name: "feedback_ticket_number");

            migrationBuilder.AddColumn<bool>(
                name: "removed",
                table: "evaluations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "subject_kind",
                table: "evaluations",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "application");

            migrationBuilder.AddColumn<string>(
                name: "title",
                table: "evaluations",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "subject_kind",
                table: "evaluation_invitations",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "application");

            migrationBuilder.AddColumn<string>(
                name: "title",
                table: "evaluation_invitations",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "applications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    applicant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    item_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    lead_department = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    owner_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_applications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "catalogue_items",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    title_zh = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    title_en = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    stages = table.Column<List<string>>(type: "text[]", nullable: false),
                    lead_department = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    withdrawn = table.Column<bool>(type: "boolean", nullable: false),
                    withdrawal_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalogue_items", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "feedback_texts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    department = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    item_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    stages = table.Column<List<string>>(type: "text[]", nullable: false),
                    keywords = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback_texts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "feedback_tickets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    item_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    application_id = table.Column<Guid>(type: "uuid", nullable: true),
                    requester_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    requester_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    department = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    routed_by = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    owner_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    owner_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reply_due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reply = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    replied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    confirm_by = table.Column<DateOnly>(type: "date", nullable: true),
                    reopened = table.Column<int>(type: "integer", nullable: false),
                    replied_late = table.Column<bool>(type: "boolean", nullable: false),
                    resolution = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    satisfied = table.Column<bool>(type: "boolean", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    history = table.Column<string>(type: "jsonb", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback_tickets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "figure_counters",
                columns: table => new
                {
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    scope = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    shard = table.Column<short>(type: "smallint", nullable: false),
                    reviews = table.Column<int>(type: "integer", nullable: false),
                    satisfied = table.Column<int>(type: "integer", nullable: false),
                    negative = table.Column<int>(type: "integer", nullable: false),
                    score_sum = table.Column<long>(type: "bigint", nullable: false),
                    rectifications_closed = table.Column<int>(type: "integer", nullable: false),
                    rectifications_on_time = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_figure_counters", x => new { x.month, x.scope, x.key, x.shard });
                });

            migrationBuilder.CreateTable(
                name: "rectification_cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    evaluation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    item_title = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    department = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    owner_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    level = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    stage_due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    late = table.Column<bool>(type: "boolean", nullable: false),
                    findings = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    changes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    satisfied_after_visit = table.Column<bool>(type: "boolean", nullable: true),
                    return_visit_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    appeal = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    appeal_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    appealed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    appeal_decision_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    appeal_decided_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    overdue_flagged_for = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    history = table.Column<string>(type: "jsonb", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rectification_cases", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_applications_applicant_id",
                table: "applications",
                column: "applicant_id");

            migrationBuilder.CreateIndex(
                name: "IX_feedback_texts_month",
                table: "feedback_texts",
                column: "month");

            migrationBuilder.CreateIndex(
                name: "IX_feedback_tickets_department_state_reply_due_on",
                table: "feedback_tickets",
                columns: new[] { "department", "state", "reply_due_on" });

            migrationBuilder.CreateIndex(
                name: "IX_feedback_tickets_number",
                table: "feedback_tickets",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_feedback_tickets_requester_id_opened_at",
                table: "feedback_tickets",
                columns: new[] { "requester_id", "opened_at" });

            migrationBuilder.CreateIndex(
                name: "IX_rectification_cases_department_state_stage_due_on",
                table: "rectification_cases",
                columns: new[] { "department", "state", "stage_due_on" });

            migrationBuilder.CreateIndex(
                name: "IX_rectification_cases_evaluation_id",
                table: "rectification_cases",
                column: "evaluation_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "applications");

            migrationBuilder.DropTable(
                name: "catalogue_items");

            migrationBuilder.DropTable(
                name: "feedback_texts");

            migrationBuilder.DropTable(
                name: "feedback_tickets");

            migrationBuilder.DropTable(
                name: "figure_counters");

            migrationBuilder.DropTable(
                name: "rectification_cases");

            migrationBuilder.DropColumn(
                name: "removed",
                table: "evaluations");

            migrationBuilder.DropColumn(
                name: "subject_kind",
                table: "evaluations");

            migrationBuilder.DropColumn(
                name: "title",
                table: "evaluations");

            migrationBuilder.DropColumn(
                name: "subject_kind",
                table: "evaluation_invitations");

            migrationBuilder.DropColumn(
                name: "title",
                table: "evaluation_invitations");

            migrationBuilder.DropSequence(
                name: "feedback_ticket_number");

            migrationBuilder.RenameColumn(
                name: "subject_id",
                table: "evaluations",
                newName: "application_id");

            migrationBuilder.RenameIndex(
                name: "IX_evaluations_subject_id",
                table: "evaluations",
                newName: "IX_evaluations_application_id");

            migrationBuilder.RenameColumn(
                name: "subject_id",
                table: "evaluation_invitations",
                newName: "application_id");
        }
    }
}
