using Talent.Feedback.Analysis;
using Talent.Feedback.Figures;
using Xunit;

namespace Talent.Feedback.Tests;

public sealed class FiguresAndKeywordsTests
{
    [Fact]
    public void Deltas_add_to_the_month_the_department_and_the_item_merged_and_in_one_order()
    {
        var november = new DateOnly(2026, 11, 1);
        var rows = FigureCounters.Expand(
        [
            new FigureDelta(november, "HRSS", "B", 1, 1, 0, 5, 0, 0),
            new FigureDelta(november, "HRSS", "A", 1, 0, 1, 1, 0, 0),
            new FigureDelta(november, "HRSS", "A", 0, 0, 0, 0, 1, 1),
        ]).ToList();

        Assert.Equal([("all", ""), ("department", "HRSS"), ("item", "HRSS|A"), ("item", "HRSS|B")], rows.Select(r => (r.Scope, r.Key)));
        var all = rows[0];
        Assert.Equal((2, 1, 1, 6L, 1, 1), (all.Reviews, all.Satisfied, all.Negative, all.ScoreSum, all.RectificationsClosed, all.RectificationsOnTime));
        Assert.Equal((1, 0, 1, 1L, 1), (rows[2].Reviews, rows[2].Satisfied, rows[2].Negative, rows[2].ScoreSum, rows[2].RectificationsClosed));
    }

    [Fact]
    public void A_month_is_the_zone_s_calendar_month() =>
        Assert.Equal(new DateOnly(2026, 12, 1), FigureCounters.MonthOf(new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.Zero))); // 01:00 on 1 December in UTC+8

    [Fact]
    public void Keywords_are_segmented_chinese_words_and_english_words_without_function_words()
    {
        var keywords = Keywords.Of("人才公寓配租什么时候开放申请？我们非常希望尽快。", "The English guide is missing");
        Assert.Contains("人才", keywords);
        Assert.Contains("申请", keywords);
        Assert.Contains("开放", keywords);
        Assert.Contains("english", keywords);
        Assert.Contains("guide", keywords);
        Assert.DoesNotContain("什么", keywords);
        Assert.DoesNotContain("我们", keywords);
        Assert.DoesNotContain("the", keywords);
        Assert.All(keywords, k => Assert.True(k.Length >= 2, k));
        Assert.Equal(keywords.Count, keywords.Distinct().Count());
    }
}
