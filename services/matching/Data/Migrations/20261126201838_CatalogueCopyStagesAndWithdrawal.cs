using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talent.Matching.Data.Migrations
{
    /// <inheritdoc />
    public partial class CatalogueCopyStagesAndWithdrawal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "category",
                table: "catalogue_items",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "lead_department",
                table: "catalogue_items",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "stages",
                table: "catalogue_items",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "withdrawal_reason",
                table: "catalogue_items",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "withdrawn",
                table: "catalogue_items",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "category",
                table: "catalogue_items");

            migrationBuilder.DropColumn(
                name: "lead_department",
                table: "catalogue_items");

            migrationBuilder.DropColumn(
                name: "stages",
                table: "catalogue_items");

            migrationBuilder.DropColumn(
                name: "withdrawal_reason",
                table: "catalogue_items");

            migrationBuilder.DropColumn(
                name: "withdrawn",
                table: "catalogue_items");
        }
    }
}
