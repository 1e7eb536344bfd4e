using System.Text.Json;
using Talent.Applications.Applying;
using Talent.Contracts.Catalogue;
using Xunit;

namespace Talent.Applications.Tests;

public sealed class FormValidationTests
{
    private static readonly FormOptionSnapshot[] Options = [new("a", "甲", null), new("b", "乙", null)];

    private static readonly FormFieldSnapshot[] Form =
    [
        new("name", "姓名", null, "text", true, 1, []),
        new("about", "简介", null, "longText", false, 2, []),
        new("amount", "金额", null, "number", true, 3, []),
        new("start", "日期", null, "date", false, 4, []),
        new("one", "单选", null, "singleChoice", true, 5, Options),
        new("many", "多选", null, "multipleChoice", false, 6, Options),
    ];

    private static Dictionary<string, JsonElement> Answers(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;

    [Fact]
    public void Complete_valid_answers_pass()
    {
        Assert.Empty(FormValidation.Validate(Form, Answers("""{"name":"张三","amount":1200.5,"start":"2026-12-01","one":"a","many":["a","b"]}"""), requireComplete: true));
    }

    [Fact]
    public void Each_wrong_answer_is_named_by_its_field()
    {
        var errors = FormValidation.Validate(Form, Answers("""{"name":42,"amount":"many","start":"01/12/2026","one":"c","many":["a","a"],"extra":1}"""), requireComplete: true);
        Assert.Equal(["form.amount", "form.extra", "form.many", "form.name", "form.one", "form.start"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Text_with_a_NUL_character_is_refused_as_the_database_cannot_hold_it()
    {
        var errors = FormValidation.Validate(Form, Answers("""{"name":"张\u0000三","about":"\u0000"}"""), requireComplete: false);
        Assert.Equal(["form.about", "form.name"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Missing_required_fields_count_only_when_submitting()
    {
        var partial = Answers("""{"name":"张三"}""");
        Assert.Empty(FormValidation.Validate(Form, partial, requireComplete: false));
        Assert.Equal(["form.amount", "form.one"], FormValidation.Validate(Form, partial, requireComplete: true).Keys.Order(StringComparer.Ordinal));
        Assert.Contains("form.name", FormValidation.Validate(Form, Answers("""{"name":"  ","amount":1,"one":"a"}"""), requireComplete: true).Keys);
    }

    [Fact]
    public void Text_is_limited_in_length()
    {
        var tooLong = new string('字', FormValidation.TextMaxLength + 1);
        Assert.Contains("form.name", FormValidation.Validate(Form, Answers($$"""{"name":"{{tooLong}}","amount":1,"one":"a"}"""), true).Keys);
    }
}
