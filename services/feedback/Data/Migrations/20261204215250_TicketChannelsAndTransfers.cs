using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talent.Feedback.Data.Migrations
{
    /// <inheritdoc />
    public partial class TicketChannelsAndTransfers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "channel",
                table: "feedback_tickets",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "online");

            migrationBuilder.AddColumn<string>(
                name: "clock_cause",
                table: "feedback_tickets",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "opened");

            migrationBuilder.AddColumn<int>(
                name: "clock_days",
                table: "feedback_tickets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "clock_start",
                table: "feedback_tickets",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "contact",
                table: "feedback_tickets",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "first_due_on",
                table: "feedback_tickets",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "opened_by_id",
                table: "feedback_tickets",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "opened_by_name",
                table: "feedback_tickets",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "transfers",
                table: "feedback_tickets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Tickets from before: their first promise is their current due date, their clock started when they were opened
            // (or last reopened, from the history) with the default of 3 working days (the setting in force is not known).
            migrationBuilder.Sql("""
                UPDATE feedback_tickets t SET
                    first_due_on = t.reply_due_on,
                    clock_days = 3,
                    clock_cause = CASE WHEN t.reopened > 0 THEN 'reopened' ELSE 'opened' END,
                    clock_start = (COALESCE(
                        (SELECT max((s->>'at')::timestamptz) FROM jsonb_array_elements(t.history) s WHERE s->>'action' = 'reopen'),
                        t.opened_at) AT TIME ZONE INTERVAL '+08:00')::date;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_feedback_tickets_opened_by_id",
                table: "feedback_tickets",
                column: "opened_by_id",
                filter: "opened_by_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_feedback_tickets_opened_by_id",
                table: "feedback_tickets");

            migrationBuilder.DropColumn(
                name: "channel",
                table: "feedback_tickets");

            migrationBuilder.DropColumn(
                name: "clock_cause",
                table: "feedback_tickets");

            migrationBuilder.DropColumn(
                name: "clock_days",
                table: "feedback_tickets");

            migrationBuilder.DropColumn(
                name: "clock_start",
                table: "feedback_tickets");

            migrationBuilder.DropColumn(
                name: "contact",
                table: "feedback_tickets");

            migrationBuilder.DropColumn(
                name: "first_due_on",
                table: "feedback_tickets");

            migrationBuilder.DropColumn(
                name: "opened_by_id",
                table: "feedback_tickets");

            migrationBuilder.DropColumn(
                name: "opened_by_name",
                table: "feedback_tickets");

            migrationBuilder.DropColumn(
                name: "transfers",
                table: "feedback_tickets");
        }
    }
}
