using System.Collections.Concurrent;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Caching.Memory;

namespace Talent.Catalogue.Search;

public sealed record SearchRequest(string? Query, IReadOnlyList<string> Stages, string? Category, IReadOnlyList<string> Departments, IReadOnlyList<string> Audience, int Page, int PageSize);

public sealed record SearchHit(string Code, int Version, string TitleZh, string? TitleEn, string Category, IReadOnlyList<string> Stages, string LeadDepartment, int CommittedLimitDays, int InPersonVisits, string Snippet, float Score);

public sealed record SearchResult(int Total, int Page, int PageSize, IReadOnlyList<SearchHit> Items, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets);

/// <summary>
/// The directory's full-text index: Lucene in memory, one document per published item, rebuilt from the database when
/// the service starts and kept current on publish and withdrawal (here at once, on other replicas by
/// <see cref="SearchIndexSync"/>). Writes are serialized; searches run concurrently on the latest refreshed searcher.
/// </summary>
public sealed class CatalogueSearchIndex : IDisposable
{
    /// <summary>Results beyond this many are not paged to (page × pageSize).</summary>
    public const int MaxWindow = 1000;

    private readonly RAMDirectory _directory = new();
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly ConcurrentDictionary<string, (IndexedItem Item, long Stamp)> _items = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Threading.Lock _writeLock = new();
    private readonly SearchRefresher _refresher;
    private long _stamp;
    private long _generation;
    private volatile SynonymSet _synonyms = SynonymSet.Empty;

    // People search for the same few things: results are kept per request until the index or the synonyms change
    // (the generation is part of the key, so nothing stale is ever served after a change).
    private readonly MemoryCache _results = new(new MemoryCacheOptions { SizeLimit = ResultCacheEntries });

    public const int ResultCacheEntries = 20_000;

    public CatalogueSearchIndex()
    {
        // Under publications a reopening flushes a segment of a few items at most every 100 ms (SearchRefresher). Lucene's merge policy counts
        // every segment under 2 MB as 2 MB, and this index is small (21 MB at 180,000 items): it kept merging the newest
        // items into its largest segments, and compound files copied each new segment once more. dotnet-counters over
        // `propagation --rate 200` (180,000 items): 300-530 MB/s allocated, mostly by merges (an AllocationTick profile by
        // stack); 120-160 MB/s with a floor of 100 KB and no compound files, the rest mostly the flushes themselves.
        _writer = new IndexWriter(_directory, new IndexWriterConfig(SearchAnalysis.Version, SearchAnalysis.Index)
        {
            OpenMode = OpenMode.CREATE,
            UseCompoundFile = false,
            MergePolicy = new TieredMergePolicy { FloorSegmentMB = 0.1, NoCFSRatio = 0 },
        });
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
        _refresher = new SearchRefresher(_searchers, () => Interlocked.Read(ref _stamp), () => Interlocked.Increment(ref _generation));
    }

    public Task Ready => _ready.Task;

    public bool IsReady => _ready.Task.IsCompleted;

    public int Count => _items.Count;

    public SynonymSet Synonyms => _synonyms;

    /// <summary>A stamp taken before reading the database: entries indexed after it are newer than what was read.</summary>
    public long Stamp() => Interlocked.Read(ref _stamp);

    public void UseSynonyms(SynonymSet synonyms)
    {
        _synonyms = synonyms;
        Interlocked.Increment(ref _generation);
    }

    /// <summary>Everything, from scratch (the start of the service).</summary>
    public void Rebuild(IEnumerable<IndexedItem> items)
    {
        lock (_writeLock)
        {
            _writer.DeleteAll();
            _items.Clear();
            foreach (var item in items)
            {
                _writer.AddDocument(Document(item));
                _items[item.Code] = (item, Interlocked.Increment(ref _stamp));
            }

            _writer.Commit();
            _searchers.MaybeRefreshBlocking();
            Interlocked.Increment(ref _generation);
        }

        _ready.TrySetResult();
    }

    /// <summary>
    /// Indexes a published version unless a newer one of the same item is already indexed (false); completes once searches
    /// see this version or the newer one.
    /// </summary>
    public async Task<bool> UpsertAsync(IndexedItem item)
    {
        var document = Document(item);
        long stamp;
        var indexed = false;
        lock (_writeLock)
        {
            if (_items.TryGetValue(item.Code, out var current) && current.Item.Version > item.Version)
            {
                stamp = current.Stamp;
            }
            else
            {
                _writer.UpdateDocument(new Term(SearchFields.Code, item.Code), document);
                // The entry before the stamp: searches read versions from the entries, and a reopening that covers a
                // stamp must find its entry too (stamped first, a search in between cached the old version as covered:
                // the concurrent-publications test caught it once in eight fresh runs). Stamps move only under this lock.
                stamp = Interlocked.Read(ref _stamp) + 1;
                _items[item.Code] = (item, stamp);
                Interlocked.Exchange(ref _stamp, stamp);
                indexed = true;
            }
        }

        await _refresher.CoveringAsync(stamp);
        return indexed;
    }

    /// <summary>Takes an item out; <paramref name="readBefore"/> protects entries indexed after the caller read its state.</summary>
    public bool Remove(string code, long readBefore = long.MaxValue)
    {
        lock (_writeLock)
        {
            if (!_items.TryGetValue(code, out var current) || current.Stamp > readBefore)
            {
                return false;
            }

            _writer.DeleteDocuments(new Term(SearchFields.Code, code));
            _items.TryRemove(code, out _);
            _searchers.MaybeRefreshBlocking();
            Interlocked.Increment(ref _generation);
            return true;
        }
    }

    /// <summary>The version the index holds of an item; null when it holds none.</summary>
    public int? VersionOf(string code) => _items.TryGetValue(code, out var entry) ? entry.Item.Version : null;

    /// <summary>The indexed version of each item (for comparing with the database).</summary>
    public IReadOnlyDictionary<string, int> Versions() => _items.ToDictionary(e => e.Key, e => e.Value.Item.Version, StringComparer.Ordinal);

    /// <summary>Searches; <paramref name="cached"/> false always runs the query (benchmarks measure the index that way).</summary>
    public SearchResult Search(SearchRequest request, bool cached = true)
    {
        if (!cached)
        {
            return Execute(request);
        }

        var key = string.Join('\u001f', Interlocked.Read(ref _generation), request.Query?.Trim() ?? "", string.Join(',', request.Stages), request.Category ?? "",
            string.Join(',', request.Departments), string.Join(',', request.Audience), request.Page, request.PageSize);
        if (_results.TryGetValue(key, out SearchResult? hit))
        {
            return hit!;
        }

        var result = Execute(request);
        _results.Set(key, result, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return result;
    }

    private SearchResult Execute(SearchRequest request)
    {
        var text = string.IsNullOrWhiteSpace(request.Query) ? null : SearchQueryBuilder.Build(request.Query, _synonyms);
        if (!string.IsNullOrWhiteSpace(request.Query) && text is null)
        {
            // Only stop words or punctuation: nothing can match.
            return new SearchResult(0, request.Page, request.PageSize, [], new FacetCounter().Result());
        }

        var root = new BooleanQuery();
        root.Add(text?.Query ?? new MatchAllDocsQuery(), Occur.MUST);
        AddFilter(root, SearchFields.Stage, request.Stages);
        AddFilter(root, SearchFields.Category, request.Category is null ? [] : [request.Category]);
        AddFilter(root, SearchFields.Department, request.Departments);
        AddFilter(root, SearchFields.Audience, request.Audience);

        var window = Math.Min(request.Page * request.PageSize, MaxWindow);
        var searcher = _searchers.Acquire();
        try
        {
            ITopDocsCollector top = text is null
                ? TopFieldCollector.Create(new Sort(new SortField(SearchFields.SortCode, SortFieldType.STRING)), window, fillFields: false, trackDocScores: false, trackMaxScore: false, docsScoredInOrder: false)
                : TopScoreDocCollector.Create(window, docsScoredInOrder: false);
            var facets = new FacetCounter();
            searcher.Search(root, MultiCollector.Wrap(top, facets));
            var start = (request.Page - 1) * request.PageSize;
            var hits = new List<SearchHit>();
            foreach (var scoreDoc in top.GetTopDocs(start, request.PageSize).ScoreDocs)
            {
                var code = searcher.Doc(scoreDoc.Doc).Get(SearchFields.Code);
                if (_items.TryGetValue(code, out var entry))
                {
                    hits.Add(Hit(entry.Item, text?.HighlightTerms ?? [], scoreDoc.Score));
                }
            }

            return new SearchResult(top.TotalHits, request.Page, request.PageSize, hits, facets.Result());
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private static SearchHit Hit(IndexedItem item, IReadOnlyList<string> terms, float score) =>
        new(item.Code, item.Version, item.TitleZh, item.TitleEn, item.Category, item.Stages, item.LeadDepartment, item.CommittedLimitDays, item.InPersonVisits,
            Snippets.Make([item.SummaryZh, item.SummaryEn ?? "", string.Join("；", item.Materials), string.Join("；", item.ServiceItems), string.Join("，", item.Keywords)], terms),
            float.IsNaN(score) ? 0 : score);

    private static void AddFilter(BooleanQuery root, string field, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        var any = new BooleanQuery();
        foreach (var value in values)
        {
            any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        }

        // Filters narrow the result without changing its order.
        root.Add(new ConstantScoreQuery(any) { Boost = 0f }, Occur.MUST);
    }

    private static Document Document(IndexedItem item)
    {
        var doc = new Document
        {
            new StringField(SearchFields.Code, item.Code, Field.Store.YES),
            new SortedDocValuesField(SearchFields.SortCode, new BytesRef(item.Code)),
            new TextField(SearchFields.Title, item.Title, Field.Store.NO),
            new TextField(SearchFields.TitleCjk, item.Title, Field.Store.NO),
            new TextField(SearchFields.Keywords, string.Join('\n', item.Keywords), Field.Store.NO),
            new TextField(SearchFields.Body, item.Body, Field.Store.NO),
            new TextField(SearchFields.BodyCjk, item.Body, Field.Store.NO),
            new StringField(SearchFields.Category, item.Category, Field.Store.NO),
            new SortedDocValuesField(SearchFields.Category, new BytesRef(item.Category)),
            new StringField(SearchFields.Department, item.LeadDepartment, Field.Store.NO),
            new SortedDocValuesField(SearchFields.Department, new BytesRef(item.LeadDepartment)),
        };
        foreach (var stage in item.Stages)
        {
            doc.Add(new StringField(SearchFields.Stage, stage, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(SearchFields.Stage, new BytesRef(stage)));
        }

        foreach (var audience in item.Audience)
        {
            doc.Add(new StringField(SearchFields.Audience, audience, Field.Store.NO));
        }

        return doc;
    }

    public void Dispose()
    {
        _results.Dispose();
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
    }
}
