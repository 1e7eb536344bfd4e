namespace Talent.Portal.Apis;

/// <summary>The feedback API through the gateway, on the signed-in person's behalf.</summary>
public sealed class FeedbackApi(HttpClient http)
{
    public HttpClient Http => http;
}
