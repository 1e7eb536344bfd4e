using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talent.Exchange.Data.Migrations
{
    /// <inheritdoc />
    public partial class Certifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "certifications",
                columns: table => new
                {
                    issuer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    certification_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    person_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    programme = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    designation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    certified_on = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_until = table.Column<DateOnly>(type: "date", nullable: true),
                    revoked = table.Column<bool>(type: "boolean", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_certifications", x => new { x.issuer, x.certification_id });
                });

            migrationBuilder.CreateIndex(
                name: "IX_certifications_person_id",
                table: "certifications",
                column: "person_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "certifications");
        }
    }
}
