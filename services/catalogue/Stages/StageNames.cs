using System.Text.Json;

namespace Talent.Catalogue.Stages;

/// <summary>
/// The stage and category vocabulary as the directory speaks it: the code clients send and receive (<c>proofOfConcept</c>,
/// <c>life</c>, the camel-case name, as in the JSON bodies) and the stages' names in Chinese and English.
/// </summary>
public static class StageNames
{
    public static string Code<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>Whether a code names one of the values (a stage or a category).</summary>
    public static bool IsCode<T>(string code)
        where T : struct, Enum => Enum.GetValues<T>().Any(v => Code(v) == code);

    public static string Zh(LifecycleStage stage) => stage switch
    {
        LifecycleStage.Research => "研究开发",
        LifecycleStage.ProofOfConcept => "概念验证",
        LifecycleStage.Pilot => "中试熟化",
        LifecycleStage.Commercialisation => "成果转化",
        LifecycleStage.Industrialisation => "产业化",
        _ => "成熟企业",
    };

    public static string En(LifecycleStage stage) => stage switch
    {
        LifecycleStage.Research => "Research",
        LifecycleStage.ProofOfConcept => "Proof of concept",
        LifecycleStage.Pilot => "Pilot",
        LifecycleStage.Commercialisation => "Commercialisation",
        LifecycleStage.Industrialisation => "Industrialisation",
        _ => "Mature enterprise",
    };
}
