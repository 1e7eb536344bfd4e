using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talent.Applications.Data.Migrations
{
    /// <inheritdoc />
    public partial class ServiceContact : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "service_contact",
                table: "applications",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "service_contact",
                table: "applications");
        }
    }
}
