namespace Talent.Catalogue.Search;

/// <summary><c>Catalogue:Search</c>.</summary>
public sealed class SearchOptions
{
    /// <summary>How often a replica compares its index and synonyms with the database (publishes on other replicas).</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromSeconds(5);
}
