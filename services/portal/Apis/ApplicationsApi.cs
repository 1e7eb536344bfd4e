namespace Talent.Portal.Apis;

/// <summary>The applications API through the gateway, on the signed-in person's behalf.</summary>
public sealed class ApplicationsApi(HttpClient http)
{
    public HttpClient Http => http;
}
