using Talent.Catalogue.Data;
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

    public sealed class Sampler : GaugeSampler<CatalogueDbContext>
    {
        public override async Task<IReadOnlyDictionary<string, double>> SampleAsync(CatalogueDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var row = await ReadRowAsync(db, now, """
                SELECT (SELECT count(*) FROM items WHERE NOT withdrawn),
                       (SELECT count(*) FROM item_versions WHERE state = 'InReview'),
                       (SELECT min(last_edited_at) FROM item_versions WHERE state = 'InReview')
                """, cancellationToken);
            return new Dictionary<string, double> { [InDirectory] = row[0], [DraftsInReview] = row[1], [OldestDraftInReviewAge] = row[2] };
        }
    }
}
