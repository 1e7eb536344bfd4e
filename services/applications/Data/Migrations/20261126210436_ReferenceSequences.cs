using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talent.Applications.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReferenceSequences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Reference numbers move from a counter row per year to a sequence per year: continue where the counters were.
            migrationBuilder.Sql("""
                DO $$ DECLARE r record; BEGIN
                  FOR r IN SELECT year, last FROM reference_counters LOOP
                    EXECUTE format('CREATE SEQUENCE IF NOT EXISTS application_reference_%s START %s', r.year, r.last + 1);
                  END LOOP;
                END $$;
                """);
            migrationBuilder.DropTable(
                name: "reference_counters");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "reference_counters",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reference_counters", x => x.year);
                });
        }
    }
}
