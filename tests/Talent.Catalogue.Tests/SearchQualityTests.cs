using Talent.Catalogue.Demo;
using Talent.Catalogue.Editing;
using Talent.Catalogue.Search;
using Talent.Catalogue.Stages;
using Xunit;

namespace Talent.Catalogue.Tests;

/// <summary>The search index over the 37 demonstration items, with the default synonym list, in memory.</summary>
public sealed class DemoIndex : IDisposable
{
    public DemoIndex()
    {
        var titles = DemoReferenceData.AllServiceItems().ToDictionary(s => s.Code, s => $"{s.TitleZh} {s.TitleEn}");
        Index.UseSynonyms(new SynonymSet(SynonymList.DefaultGroups(), 0));
        Index.Rebuild(DemoCatalogue.Items.Select(item => IndexedItem.Of(Published(item), titles)));
    }

    public CatalogueSearchIndex Index { get; } = new();

    public static ItemVersion Published(DemoItem item, int times = 1)
    {
        var op = new Actor("op", true, null);
        var (version, _) = ItemVersion.StartDraft(item.Code, DemoCatalogue.ContentOf(item), DemoCatalogue.FlowCardOf(item), op, Samples.Now);
        version!.Submit(op, Samples.Now);
        version.Publish(op, Samples.Now);
        for (var i = 1; i < times; i++)
        {
            (version, _) = version!.StartNextDraft(op, Samples.Now);
            version!.Submit(op, Samples.Now);
            version.Publish(op, Samples.Now);
        }

        return version!;
    }

    public SearchResult Search(string? q, int pageSize = 10, string[]? stages = null, string? category = null, string[]? departments = null) =>
        Index.Search(new SearchRequest(q, stages ?? [], category, departments ?? [], [], 1, pageSize));

    public void Dispose() => Index.Dispose();
}

/// <summary>
/// Search quality: what people type, and the item each query must bring into its top three. Two-character queries,
/// everyday words (爱人工作, 小孩) that only synonyms carry to the formal titles, English.
/// </summary>
public sealed class SearchQualityTests(DemoIndex demo) : IClassFixture<DemoIndex>
{
    [Theory]
    [InlineData("公寓", "TALENT-APARTMENT")]
    [InlineData("人才公寓", "TALENT-APARTMENT")]
    [InlineData("住房", "TALENT-APARTMENT")]
    [InlineData("租房", "RENT-SUBSIDY")]
    [InlineData("买房", "HOME-PURCHASE")]
    [InlineData("爱人工作", "SPOUSE-EMPLOYMENT")]
    [InlineData("老婆找工作", "SPOUSE-EMPLOYMENT")]
    [InlineData("配偶就业", "SPOUSE-EMPLOYMENT")]
    [InlineData("小孩上学", "CHILD-SCHOOLING")]
    [InlineData("小孩", "CHILD-SCHOOLING")]
    [InlineData("子女", "CHILD-SCHOOLING")]
    [InlineData("看病", "MEDICAL-GREEN")]
    [InlineData("医疗", "MEDICAL-GREEN")]
    [InlineData("户口", "HUKOU-SETTLEMENT")]
    [InlineData("贷款", "STARTUP-LOAN")]
    [InlineData("创业担保贷款", "STARTUP-LOAN")]
    [InlineData("贴息", "INTEREST-SUBSIDY")]
    [InlineData("高企", "HIGH-TECH-ENTERPRISE")]
    [InlineData("高新", "HIGH-TECH-ENTERPRISE")]
    [InlineData("高新技术企业认定", "HIGH-TECH-ENTERPRISE")]
    [InlineData("概念验证", "POC-FUNDING")]
    [InlineData("中试", "PILOT-PLATFORM")]
    [InlineData("成果转化", "TRANSFER-REWARD")]
    [InlineData("专利", "PATENT-FASTTRACK")]
    [InlineData("开公司", "BUSINESS-STARTUP")]
    [InlineData("科研项目", "RESEARCH-PROJECT")]
    [InlineData("人才库", "TALENT-DATABASE")]
    [InlineData("职称", "PROFESSIONAL-TITLE")]
    [InlineData("配租", "TALENT-APARTMENT")]
    [InlineData("父母养老", "PARENTS-CARE")]
    [InlineData("talent apartment", "TALENT-APARTMENT")]
    [InlineData("spouse job", "SPOUSE-EMPLOYMENT")]
    [InlineData("children school", "CHILD-SCHOOLING")]
    [InlineData("proof of concept", "POC-FUNDING")]
    [InlineData("guarantee loan", "STARTUP-LOAN")]
    [InlineData("high-tech enterprise", "HIGH-TECH-ENTERPRISE")]
    [InlineData("medical", "MEDICAL-GREEN")]
    [InlineData("patent", "PATENT-FASTTRACK")]
    [InlineData("work permit", "FOREIGN-PERMIT")]
    public void A_query_finds_its_item_in_the_top_three(string query, string expected)
    {
        var top = demo.Search(query).Items.Take(3).Select(i => i.Code).ToList();
        Assert.True(top.Contains(expected), $"'{query}' → [{string.Join(", ", top)}], expected {expected}");
    }

    [Theory]
    [InlineData("人才")]
    [InlineData("补贴")]
    public void A_two_character_query_ranks_items_with_it_in_the_title_first(string query)
    {
        var result = demo.Search(query);
        Assert.True(result.Total >= 3);
        Assert.All(result.Items.Take(3), hit => Assert.Contains(query, hit.TitleZh, StringComparison.Ordinal));
    }

    [Fact]
    public void A_synonym_finds_an_item_whose_text_never_uses_the_everyday_word()
    {
        // 爱人 appears nowhere in the spouse employment item: the same index without synonyms does not find it (next
        // test); only the synonym list's 配偶 group connects them.
        var everyday = demo.Search("爱人").Items.Select(i => i.Code).ToList();
        Assert.Equal("SPOUSE-EMPLOYMENT", everyday[0]);
        Assert.Equal("SPOUSE-EMPLOYMENT", demo.Search("配偶").Items[0].Code);
    }

    [Fact]
    public void Without_synonyms_an_everyday_word_does_not_reach_the_formal_title()
    {
        using var bare = new CatalogueSearchIndex();
        var titles = DemoReferenceData.AllServiceItems().ToDictionary(s => s.Code, s => s.TitleZh);
        bare.Rebuild(DemoCatalogue.Items.Select(i => IndexedItem.Of(DemoIndex.Published(i), titles)));
        var hits = bare.Search(new SearchRequest("爱人", [], null, [], [], 1, 10)).Items;
        Assert.DoesNotContain(hits, h => h.Code == "SPOUSE-EMPLOYMENT");
    }

    [Fact]
    public void The_title_weighs_more_than_the_body()
    {
        // 公寓 is in the apartment item's title and in the rent subsidy's body ("未入住人才公寓").
        var codes = demo.Search("公寓").Items.Select(i => i.Code).ToList();
        Assert.Equal("TALENT-APARTMENT", codes[0]);
        Assert.Contains("RENT-SUBSIDY", codes);
    }

    [Fact]
    public void Snippets_highlight_the_matched_words_and_escape_the_rest()
    {
        var hit = demo.Search("配租").Items.First(i => i.Code == "TALENT-APARTMENT");
        Assert.Contains("<em>配租</em>", hit.Snippet, StringComparison.Ordinal);
        var english = demo.Search("apartment").Items.First(i => i.Code == "TALENT-APARTMENT");
        Assert.Contains("<em>apartment</em>", english.Snippet, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("a &lt;b&gt; <em>公寓</em>", Snippets.Make(["a <b> 公寓"], ["公寓"]));
    }

    [Fact]
    public void Facets_count_the_matching_items_per_stage_category_and_department()
    {
        var all = demo.Search(null, pageSize: 50);
        Assert.Equal(37, all.Total);
        Assert.Equal(DemoCatalogue.Items.Count(i => i.Category == ItemCategory.Life), all.Facets["category"].Single(f => f.Value == "life").Count);
        Assert.Equal(DemoCatalogue.Items.Count(i => i.Stages.Contains(LifecycleStage.Pilot)), all.Facets["stage"].Single(f => f.Value == "pilot").Count);
        Assert.Equal(DemoCatalogue.Items.Count(i => i.Lead == "STI"), all.Facets["department"].Single(f => f.Value == "STI").Count);

        var housing = demo.Search("补贴");
        Assert.Equal(housing.Total, housing.Facets["category"].Sum(f => f.Count));
    }

    [Fact]
    public void Filters_combine_with_the_query()
    {
        var life = demo.Search("补贴", category: "life");
        Assert.NotEmpty(life.Items);
        Assert.All(life.Items, i => Assert.Equal("life", i.Category));

        var pilot = demo.Search(null, pageSize: 50, stages: ["pilot"]);
        Assert.All(pilot.Items, i => Assert.Contains("pilot", i.Stages));
        Assert.Equal(DemoCatalogue.Items.Count(i => i.Stages.Contains(LifecycleStage.Pilot)), pilot.Total);

        var housingDept = demo.Search("补贴", departments: ["HOUSING"]);
        Assert.All(housingDept.Items, i => Assert.Equal("HOUSING", i.LeadDepartment));
        Assert.Contains(housingDept.Items, i => i.Code == "RENT-SUBSIDY");
    }

    [Fact]
    public void Pages_split_the_result_without_overlap_and_keep_the_total()
    {
        var first = demo.Index.Search(new SearchRequest(null, [], null, [], [], 1, 10));
        var second = demo.Index.Search(new SearchRequest(null, [], null, [], [], 2, 10));
        var last = demo.Index.Search(new SearchRequest(null, [], null, [], [], 4, 10));
        Assert.Equal(37, first.Total);
        Assert.Equal(37, second.Total);
        Assert.Empty(first.Items.Select(i => i.Code).Intersect(second.Items.Select(i => i.Code)));
        Assert.Equal(7, last.Items.Count);
        Assert.Equal(first.Items.Select(i => i.Code).Order(StringComparer.Ordinal), first.Items.Select(i => i.Code));
    }

    [Fact]
    public void Nothing_matches_a_query_of_stop_words_or_an_unknown_word()
    {
        Assert.Equal(0, demo.Search("the of and").Total);
        Assert.Equal(0, demo.Search("量子纠缠望远镜").Total);
    }
}

/// <summary>Updates: publish a newer version, withdraw, and the guard against an older version overwriting a newer one.</summary>
public sealed class SearchIndexUpdateTests
{
    [Fact]
    public async Task Withdrawn_items_leave_the_results_and_republished_ones_return()
    {
        using var demo = new DemoIndex();
        Assert.Contains(demo.Search("公寓").Items, i => i.Code == "TALENT-APARTMENT");
        Assert.True(demo.Index.Remove("TALENT-APARTMENT"));
        Assert.DoesNotContain(demo.Search("公寓").Items, i => i.Code == "TALENT-APARTMENT");
        Assert.Equal(36, demo.Search(null, pageSize: 50).Total);

        var item = DemoCatalogue.Items.Single(i => i.Code == "TALENT-APARTMENT");
        Assert.True(await demo.Index.UpsertAsync(IndexedItem.Of(DemoIndex.Published(item, times: 2), new Dictionary<string, string>())));
        Assert.Equal(2, demo.Search("公寓").Items.Single(i => i.Code == "TALENT-APARTMENT").Version);
    }

    [Fact]
    public async Task An_older_version_never_replaces_a_newer_one()
    {
        using var demo = new DemoIndex();
        var item = DemoCatalogue.Items.Single(i => i.Code == "MEDICAL-GREEN");
        Assert.True(await demo.Index.UpsertAsync(IndexedItem.Of(DemoIndex.Published(item, times: 3), new Dictionary<string, string>())));
        Assert.False(await demo.Index.UpsertAsync(IndexedItem.Of(DemoIndex.Published(item, times: 2), new Dictionary<string, string>())));
        Assert.Equal(3, demo.Index.Versions()["MEDICAL-GREEN"]);
    }

    [Fact]
    public void A_synonym_edit_changes_the_next_answer_to_the_same_query()
    {
        using var demo = new DemoIndex();
        Assert.Equal(0, demo.Search("神秘词").Total);
        demo.Index.UseSynonyms(new SynonymSet([.. SynonymList.DefaultGroups(), ["神秘词", "配偶"]], 2));
        Assert.Contains(demo.Search("神秘词").Items, i => i.Code == "SPOUSE-EMPLOYMENT");
    }

    [Fact]
    public async Task Concurrent_publications_are_each_searchable_when_their_indexing_completes()
    {
        using var demo = new DemoIndex();
        // Every demonstration item republished four times over, all at once from the thread pool: refreshes are shared,
        // and still no publication completes before searches see it (or a newer version of its item).
        var publications = DemoCatalogue.Items.SelectMany(item => Enumerable.Range(2, 4).Select(times => (item, times))).ToList();
        await Parallel.ForEachAsync(publications, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (publication, _) =>
        {
            await demo.Index.UpsertAsync(IndexedItem.Of(DemoIndex.Published(publication.item, publication.times), new Dictionary<string, string>()));
            var found = demo.Search(null, pageSize: 50).Items.Single(i => i.Code == publication.item.Code);
            Assert.True(found.Version >= publication.times, $"{publication.item.Code} searchable at version {found.Version} after version {publication.times} was indexed");
        });
        Assert.All(DemoCatalogue.Items, item => Assert.Equal(5, demo.Index.Versions()[item.Code]));
    }

    [Fact]
    public async Task A_removal_based_on_an_older_read_keeps_an_item_indexed_since()
    {
        using var demo = new DemoIndex();
        var readAt = demo.Index.Stamp();
        var item = DemoCatalogue.Items.Single(i => i.Code == "CHILD-SCHOOLING");
        await demo.Index.UpsertAsync(IndexedItem.Of(DemoIndex.Published(item, times: 2), new Dictionary<string, string>()));
        Assert.False(demo.Index.Remove("CHILD-SCHOOLING", readAt));
        Assert.True(demo.Index.Versions().ContainsKey("CHILD-SCHOOLING"));
    }
}
