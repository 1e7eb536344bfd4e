using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talent.Matching.Data.Migrations
{
    /// <inheritdoc />
    public partial class Suggestions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "suggestion_rules",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    trigger = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    item_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    team = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    service_types = table.Column<List<string>>(type: "text[]", nullable: false),
                    suggest_item_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    message_zh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    message_en = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_suggestion_rules", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "suggestions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    rule_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    source_application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    item_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    message_zh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    message_en = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    dismissed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_suggestions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_suggestions_person_id_rule_code_source_application_id",
                table: "suggestions",
                columns: new[] { "person_id", "rule_code", "source_application_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "suggestion_rules");

            migrationBuilder.DropTable(
                name: "suggestions");
        }
    }
}
