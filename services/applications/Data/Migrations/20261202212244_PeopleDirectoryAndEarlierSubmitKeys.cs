using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talent.Applications.Data.Migrations
{
    /// <inheritdoc />
    public partial class PeopleDirectoryAndEarlierSubmitKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "earlier_submit_keys",
                table: "applications",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            // A case waiting for its supplement still holds the key of the submission that was returned: set it aside, so
            // that key is refused (422) instead of replayed, as for cases returned from now on.
            migrationBuilder.Sql(
                """
                UPDATE applications SET earlier_submit_keys = ARRAY[submit_key], submit_key = NULL
                WHERE state = 'ReturnedForSupplement' AND submit_key IS NOT NULL
                """);

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "people");

            migrationBuilder.DropColumn(
                name: "earlier_submit_keys",
                table: "applications");
        }
    }
}
