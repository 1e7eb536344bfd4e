namespace Talent.Catalogue.Stages;

/// <summary>研究开发 → 概念验证 → 中试熟化 → 成果转化 → 产业化 → 成熟企业.</summary>
public enum LifecycleStage
{
    Research,
    ProofOfConcept,
    Pilot,
    Commercialisation,
    Industrialisation,
    MatureEnterprise,
}
