using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talent.Catalogue.Data.Migrations
{
    /// <inheritdoc />
    public partial class ItemLeadDepartment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "lead_department",
                table: "items",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "lead_department",
                table: "items");
        }
    }
}
