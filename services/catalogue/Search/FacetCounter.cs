using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Talent.Catalogue.Search;

/// <summary>Counts the matching items per stage, category and department from doc values, one segment at a time.</summary>
public sealed class FacetCounter : ICollector
{
    private readonly Dictionary<string, int> _stages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _categories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _departments = new(StringComparer.Ordinal);
    private SortedSetDocValues? _stageValues;
    private SortedDocValues? _categoryValues;
    private SortedDocValues? _departmentValues;
    private int[] _stageCounts = [];
    private int[] _categoryCounts = [];
    private int[] _departmentCounts = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        var reader = context.AtomicReader;
        _stageValues = reader.GetSortedSetDocValues(SearchFields.Stage);
        _categoryValues = reader.GetSortedDocValues(SearchFields.Category);
        _departmentValues = reader.GetSortedDocValues(SearchFields.Department);
        _stageCounts = new int[_stageValues?.ValueCount ?? 0];
        _categoryCounts = new int[_categoryValues?.ValueCount ?? 0];
        _departmentCounts = new int[_departmentValues?.ValueCount ?? 0];
    }

    public void Collect(int doc)
    {
        if (_stageValues is not null)
        {
            _stageValues.SetDocument(doc);
            long ord;
            while ((ord = _stageValues.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                _stageCounts[ord]++;
            }
        }

        if (_categoryValues?.GetOrd(doc) is >= 0 and var category)
        {
            _categoryCounts[category]++;
        }

        if (_departmentValues?.GetOrd(doc) is >= 0 and var department)
        {
            _departmentCounts[department]++;
        }
    }

    public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Result()
    {
        Flush();
        return new Dictionary<string, IReadOnlyList<FacetValue>>
        {
            ["stage"] = Sorted(_stages),
            ["category"] = Sorted(_categories),
            ["department"] = Sorted(_departments),
        };
    }

    private static List<FacetValue> Sorted(Dictionary<string, int> counts) =>
        [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => new FacetValue(c.Key, c.Value))];

    private void Flush()
    {
        var bytes = new BytesRef();
        for (var ord = 0; ord < _stageCounts.Length; ord++)
        {
            if (_stageCounts[ord] > 0)
            {
                _stageValues!.LookupOrd(ord, bytes);
                Add(_stages, bytes.Utf8ToString(), _stageCounts[ord]);
            }
        }

        FlushSorted(_categoryValues, _categoryCounts, _categories, bytes);
        FlushSorted(_departmentValues, _departmentCounts, _departments, bytes);
        _stageCounts = _categoryCounts = _departmentCounts = [];
    }

    private static void FlushSorted(SortedDocValues? values, int[] counts, Dictionary<string, int> into, BytesRef bytes)
    {
        for (var ord = 0; ord < counts.Length; ord++)
        {
            if (counts[ord] > 0)
            {
                values!.LookupOrd(ord, bytes);
                Add(into, bytes.Utf8ToString(), counts[ord]);
            }
        }
    }

    private static void Add(Dictionary<string, int> into, string key, int count) =>
        into[key] = into.GetValueOrDefault(key) + count;
}

public sealed record FacetValue(string Value, int Count);
