using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talent.Matching.Data.Migrations
{
    /// <inheritdoc />
    public partial class LifecycleRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "record_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    item_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    item_title_zh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    item_title_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    stages = table.Column<List<string>>(type: "text[]", nullable: false),
                    outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_record_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "record_sharing",
                columns: table => new
                {
                    person_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    with_butlers = table.Column<bool>(type: "boolean", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_record_sharing", x => x.person_id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_record_entries_person_id_at",
                table: "record_entries",
                columns: new[] { "person_id", "at" });

            migrationBuilder.CreateIndex(
                name: "IX_record_entries_subject_id",
                table: "record_entries",
                column: "subject_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "record_entries");

            migrationBuilder.DropTable(
                name: "record_sharing");
        }
    }
}
