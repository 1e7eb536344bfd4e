using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talent.Catalogue.Data.Migrations
{
    /// <inheritdoc />
    public partial class ItemChangedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "changed_at",
                table: "items",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Entries published before this column: changed when last published (a withdrawal's own time is not kept).
            migrationBuilder.Sql("UPDATE items SET changed_at = published_at");

            migrationBuilder.CreateIndex(
                name: "IX_items_changed_at",
                table: "items",
                column: "changed_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_items_changed_at",
                table: "items");

            migrationBuilder.DropColumn(
                name: "changed_at",
                table: "items");
        }
    }
}
