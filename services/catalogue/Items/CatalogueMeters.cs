using Microsoft.EntityFrameworkCore;
using Talent.Catalogue.Data;
using Talent.Catalogue.Search;
using Talent.Contracts.Catalogue;
using Talent.Messaging.Metrics;

namespace Talent.Catalogue.Items;

/// <summary>
/// The catalogue's business meters (meter <c>Talent.Catalogue</c>). Publications are counted where an operator publishes
/// (a re-announcement records the same event again and is counted apart).
/// </summary>
public static class CatalogueMeters
{
    public const string Published = "talent.catalogue.items_published";
    public const string Announced = "talent.catalogue.items_announced";
    public const string InDirectory = "talent.catalogue.items_in_directory";
    public const string DraftsInReview = "talent.catalogue.drafts_in_review";
    public const string OldestDraftInReviewAge = "talent.catalogue.oldest_draft_in_review_age";

    public static BusinessMeterPlan Plan { get; } = new BusinessMeterPlan("Talent.Catalogue")
        .Counter(Published, "{version}", "Item versions published by operators")
        .Count<CatalogueItemWithdrawn>("talent.catalogue.items_withdrawn", "{item}", "Items withdrawn from the directory")
        .Counter(Announced, "{item}", "Items re-announced to the services that keep a copy")
        .Gauge(InDirectory, "{item}", "Items in the directory (published, not withdrawn)")
        .Gauge(DraftsInReview, "{version}", "Drafts handed to the operators for review")
        .Gauge(OldestDraftInReviewAge, "s", "Time since the oldest draft in review was last edited");

    /// <summary>
    /// The directory's size from the search index once built (it holds exactly the items published and not withdrawn,
    /// this replica's view within the sync interval): counting the items table read every row each sample, a cost that
    /// grew with the catalogue (25 ms at 170,000 items). Drafts in review are read through the open versions' index.
    /// </summary>
    public sealed class Sampler(CatalogueSearchIndex index) : GaugeSampler<CatalogueDbContext>
    {
        /// <summary>The drafts in review and the oldest one's last edit (states as constants: see <c>DraftsApi.OpenVersions</c>).</summary>
        public const string ReviewQueueSql = """
            SELECT (SELECT count(*) FROM item_versions WHERE state = 'InReview'),
                   (SELECT min(last_edited_at) FROM item_versions WHERE state = 'InReview')
            """;

        public override async Task<IReadOnlyDictionary<string, double>> SampleAsync(CatalogueDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var row = await ReadRowAsync(db, now, ReviewQueueSql, cancellationToken);
            var inDirectory = index.IsReady ? index.Count : await db.Items.CountAsync(i => !i.Withdrawn, cancellationToken);
            return new Dictionary<string, double> { [InDirectory] = inDirectory, [DraftsInReview] = row[0], [OldestDraftInReviewAge] = row[1] };
        }
    }
}
