using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talent.Catalogue.Data.Migrations
{
    /// <inheritdoc />
    public partial class ItemVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "withdrawn",
                table: "items",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "item_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    content = table.Column<string>(type: "jsonb", nullable: false),
                    flow_card = table.Column<string>(type: "jsonb", nullable: false),
                    return_comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    withdrawal_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    last_edited_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    last_edited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_item_versions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_item_versions_code_version",
                table: "item_versions",
                columns: new[] { "code", "version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "item_versions");

            migrationBuilder.DropColumn(
                name: "withdrawn",
                table: "items");
        }
    }
}
