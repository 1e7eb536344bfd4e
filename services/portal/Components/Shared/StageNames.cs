namespace Talent.Portal.Components.Shared;

/// <summary>The six lifecycle stages of the source article, as the catalogue codes them, in the order a venture lives them.</summary>
public static class StageNames
{
    public static readonly string[] Codes = ["research", "proofOfConcept", "pilot", "commercialisation", "industrialisation", "matureEnterprise"];
}
