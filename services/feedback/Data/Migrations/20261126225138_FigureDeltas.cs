using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Talent.Feedback.Data.Migrations
{
    /// <inheritdoc />
    public partial class FigureDeltas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Counters were kept in shards: merge each counter's shards into one row.
            migrationBuilder.Sql("""
                CREATE TEMP TABLE figure_counters_merged ON COMMIT DROP AS
                SELECT month, scope, key, sum(reviews)::int AS reviews, sum(satisfied)::int AS satisfied, sum(negative)::int AS negative, sum(score_sum)::bigint AS score_sum,
                    sum(rectifications_closed)::int AS rectifications_closed, sum(rectifications_on_time)::int AS rectifications_on_time
                FROM figure_counters GROUP BY month, scope, key;
                DELETE FROM figure_counters;
                """);
            migrationBuilder.DropPrimaryKey(
                name: "PK_figure_counters",
                table: "figure_counters");

            migrationBuilder.DropColumn(
                name: "shard",
                table: "figure_counters");

            migrationBuilder.AddPrimaryKey(
                name: "PK_figure_counters",
                table: "figure_counters",
                columns: new[] { "month", "scope", "key" });

            migrationBuilder.CreateTable(
                name: "figure_deltas",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    department = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    item_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    reviews = table.Column<int>(type: "integer", nullable: false),
                    satisfied = table.Column<int>(type: "integer", nullable: false),
                    negative = table.Column<int>(type: "integer", nullable: false),
                    score = table.Column<int>(type: "integer", nullable: false),
                    closed = table.Column<int>(type: "integer", nullable: false),
                    on_time = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_figure_deltas", x => x.id);
                });

            migrationBuilder.Sql("""
                INSERT INTO figure_counters (month, scope, key, reviews, satisfied, negative, score_sum, rectifications_closed, rectifications_on_time)
                SELECT month, scope, key, reviews, satisfied, negative, score_sum, rectifications_closed, rectifications_on_time FROM figure_counters_merged;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "figure_deltas");

            migrationBuilder.DropPrimaryKey(
                name: "PK_figure_counters",
                table: "figure_counters");

            migrationBuilder.AddColumn<short>(
                name: "shard",
                table: "figure_counters",
                type: "smallint",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.AddPrimaryKey(
                name: "PK_figure_counters",
                table: "figure_counters",
                columns: new[] { "month", "scope", "key", "shard" });
        }
    }
}
