namespace Talent.Portal.Apis;

/// <summary>The matching API through the gateway, on the signed-in person's behalf.</summary>
public sealed class MatchingApi(HttpClient http)
{
    public HttpClient Http => http;
}
