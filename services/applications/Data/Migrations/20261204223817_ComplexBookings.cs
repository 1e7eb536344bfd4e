using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talent.Applications.Data.Migrations
{
    /// <inheritdoc />
    public partial class ComplexBookings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bookings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    venue_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    booker_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    booker_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    purpose = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    attendees = table.Column<int>(type: "integer", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reminded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "venues",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name_zh = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    opens_at = table.Column<int>(type: "integer", nullable: false),
                    closes_at = table.Column<int>(type: "integer", nullable: false),
                    open = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_venues", x => x.code);
                });

            migrationBuilder.CreateIndex(
                name: "IX_bookings_booker_id_starts_at",
                table: "bookings",
                columns: new[] { "booker_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "IX_bookings_state_starts_at",
                table: "bookings",
                columns: new[] { "state", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "IX_bookings_venue_code_starts_at",
                table: "bookings",
                columns: new[] { "venue_code", "starts_at" });

            // One venue's requested or confirmed bookings never overlap, whatever runs at once (btree_gist: a trusted
            // extension, created by the database's owner).
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gist;");
            migrationBuilder.Sql("""
                ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap
                EXCLUDE USING gist (venue_code WITH =, tstzrange(starts_at, ends_at) WITH &&)
                WHERE (state IN ('Requested', 'Confirmed'));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bookings");

            migrationBuilder.DropTable(
                name: "venues");
        }
    }
}
