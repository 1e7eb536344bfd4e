namespace Talent.Catalogue.Stages;

public enum ItemCategory
{
    /// <summary>生产服务: the stages of a venture.</summary>
    Production,

    /// <summary>生活服务: housing, schooling, spouse employment, medical care.</summary>
    Life,
}
