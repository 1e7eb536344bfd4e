namespace Talent.Catalogue.Search;

/// <summary><c>Catalogue:Search</c>.</summary>
public sealed class SearchOptions
{
    /// <summary>How often a replica compares its index and synonyms with the database (publishes on other replicas).</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often a replica compares every item with its index, rather than only the items changed since its last look
    /// (a safety net: a change committed more than <see cref="SearchIndexSync.Overlap"/> after its time is found then).
    /// </summary>
    public TimeSpan FullSyncInterval { get; set; } = TimeSpan.FromMinutes(10);
}
