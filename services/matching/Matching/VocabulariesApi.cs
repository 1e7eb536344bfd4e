using Microsoft.AspNetCore.Http.HttpResults;

namespace Talent.Matching.Matching;

/// <summary>The codes demands and profiles are written in, with their Chinese and English names: public lists.</summary>
public static class VocabulariesApi
{
    public sealed record Term(string Code, string Zh, string En);

    public sealed record Vocabularies(IReadOnlyList<Term> Domains, IReadOnlyList<Term> ServiceTypes, IReadOnlyList<Term> Stages, IReadOnlyList<Term> Languages);

    public static IEndpointRouteBuilder MapVocabulariesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/matching").WithTags("Matching")
            .MapGet("/vocabularies", List)
            .AllowAnonymous() // public lists of codes
            .WithName("MatchingVocabularies")
            .WithSummary("Codes of domains, service types, stages and languages, in Chinese and English.");
        return routes;
    }

    private static Ok<Vocabularies> List() =>
        TypedResults.Ok(new Vocabularies(Terms(Vocabulary.Domains), Terms(Vocabulary.ServiceTypes), Terms(Vocabulary.Stages), Terms(Vocabulary.Languages)));

    private static List<Term> Terms(Vocabulary vocabulary) => [.. vocabulary.Terms.Select(t => new Term(t.Code, t.Zh, t.En))];
}
