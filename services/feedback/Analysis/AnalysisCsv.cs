using System.Globalization;
using System.Text;
using static Talent.Feedback.Analysis.AnalysisApi;

namespace Talent.Feedback.Analysis;

/// <summary>Demand analysis as CSV for spreadsheets.</summary>
public static class AnalysisCsv
{
    /// <summary>One row per figure: <c>dimension,group,keyword,count</c>; a group's document count has keyword <c>(documents)</c>.</summary>
    public static string ToCsv(AnalysisResponse response)
    {
        var csv = new StringBuilder("dimension,group,keyword,count\r\n");
        void Row(string dimension, string group, string keyword, int count) =>
            csv.Append(Field(dimension)).Append(',').Append(Field(group)).Append(',').Append(Field(keyword)).Append(',').Append(count.ToString(CultureInfo.InvariantCulture)).Append("\r\n");

        Row("all", "", "(documents)", response.Documents);
        foreach (var keyword in response.Keywords)
        {
            Row("all", "", keyword.Keyword, keyword.Count);
        }

        foreach (var (dimension, groups) in new[] { ("month", response.Months), ("stage", response.Stages), ("category", response.Categories) })
        {
            foreach (var group in groups)
            {
                Row(dimension, group.Group, "(documents)", group.Documents);
                foreach (var keyword in group.TopKeywords)
                {
                    Row(dimension, group.Group, keyword.Keyword, keyword.Count);
                }
            }
        }

        return csv.ToString();
    }

    /// <summary>RFC 4180 quoting; a leading =, +, -, @, tab or carriage return is prefixed with ' so spreadsheets never run it as a formula.</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
