using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talent.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class RecipientDepartment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "department",
                table: "recipients",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "staff",
                table: "recipients",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_recipients_department",
                table: "recipients",
                column: "department",
                filter: "staff");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_recipients_department",
                table: "recipients");

            migrationBuilder.DropColumn(
                name: "department",
                table: "recipients");

            migrationBuilder.DropColumn(
                name: "staff",
                table: "recipients");
        }
    }
}
