using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Talent.Matching.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProvidersDemandsEngagements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "demands",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    client_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    client_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    domains = table.Column<List<string>>(type: "text[]", nullable: false),
                    stage = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    service_types = table.Column<List<string>>(type: "text[]", nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    urgency = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    talent_designation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    funding_raised_wan = table.Column<decimal>(type: "numeric", nullable: true),
                    revenue_wan = table.Column<decimal>(type: "numeric", nullable: true),
                    patents = table.Column<int>(type: "integer", nullable: true),
                    headcount = table.Column<int>(type: "integer", nullable: true),
                    tier = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    tier_reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    providers_wanted = table.Column<int>(type: "integer", nullable: false),
                    min_seniority = table.Column<int>(type: "integer", nullable: false),
                    first_contact_days = table.Column<int>(type: "integer", nullable: false),
                    refused = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    declined = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demands", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "engagements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    demand_id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    team = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    client_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    tier = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    first_contact_due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    milestones = table.Column<string>(type: "jsonb", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    first_contact_overdue_flagged = table.Column<bool>(type: "boolean", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_engagements", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "proposals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    demand_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_id = table.Column<Guid>(type: "uuid", nullable: false),
                    score = table.Column<int>(type: "integer", nullable: false),
                    batch_id = table.Column<Guid>(type: "uuid", nullable: true),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    decline_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    proposed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proposals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "providers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    team = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    organisation_kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    department = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    policy_areas = table.Column<List<string>>(type: "text[]", nullable: false),
                    domains = table.Column<List<string>>(type: "text[]", nullable: false),
                    service_types = table.Column<List<string>>(type: "text[]", nullable: false),
                    stages = table.Column<List<string>>(type: "text[]", nullable: false),
                    languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    load = table.Column<int>(type: "integer", nullable: false),
                    available = table.Column<bool>(type: "boolean", nullable: false),
                    seniority = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    rating_sum = table.Column<long>(type: "bigint", nullable: false),
                    rating_count = table.Column<int>(type: "integer", nullable: false),
                    introduction = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_providers", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_demands_client_id_created_at",
                table: "demands",
                columns: new[] { "client_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_demands_state",
                table: "demands",
                column: "state");

            migrationBuilder.CreateIndex(
                name: "IX_engagements_client_id",
                table: "engagements",
                column: "client_id");

            migrationBuilder.CreateIndex(
                name: "IX_engagements_proposal_id",
                table: "engagements",
                column: "proposal_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_engagements_provider_id",
                table: "engagements",
                column: "provider_id");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_demand_id",
                table: "proposals",
                column: "demand_id");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_provider_id_state",
                table: "proposals",
                columns: new[] { "provider_id", "state" });

            migrationBuilder.CreateIndex(
                name: "IX_providers_team_status",
                table: "providers",
                columns: new[] { "team", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_providers_user_id",
                table: "providers",
                column: "user_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "demands");

            migrationBuilder.DropTable(
                name: "engagements");

            migrationBuilder.DropTable(
                name: "proposals");

            migrationBuilder.DropTable(
                name: "providers");
        }
    }
}
