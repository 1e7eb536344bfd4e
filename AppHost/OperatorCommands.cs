using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace Talent.AppHost;

/// <summary>
/// The dashboard's commands on the services: each calls the service's own operator endpoint (the one <c>curl</c> with an
/// operator token would) as the <c>talent-dashboard</c> client, whose secret this AppHost makes for the run and hands only
/// to the identity service. Destructive or far-reaching ones ask for confirmation; each reports the answer's figures, or
/// the problem details of a refusal.
/// </summary>
internal sealed class OperatorCommands(ReferenceExpression issuer)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _expires;

    /// <summary>The operator client's secret for this run.</summary>
    public string Secret { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Adds one command that POSTs to <paramref name="path"/> on the service's http endpoint with an operator's token.</summary>
    public IResourceBuilder<ProjectResource> Add(IResourceBuilder<ProjectResource> service, string name, string displayName, string path, string description, string iconName, string? confirmation = null) =>
        service.WithHttpCommand(path, displayName, endpointName: "http", commandName: name, commandOptions: new HttpCommandOptions
        {
            Method = HttpMethod.Post,
            Description = description,
            IconName = iconName,
            ConfirmationMessage = confirmation,
            PrepareRequest = async context =>
                context.Request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(context.HttpClient, context.CancellationToken)),
            GetCommandResult = ResultAsync,
        });

    private static async Task<ExecuteCommandResult> ResultAsync(HttpCommandResultContext context)
    {
        var body = await context.Response.Content.ReadAsStringAsync(context.CancellationToken);
        var status = (int)context.Response.StatusCode;
        if (context.Response.IsSuccessStatusCode)
        {
            return CommandResults.Success($"Done ({status}).", body.Length == 0 ? "{}" : body, CommandResultFormat.Json);
        }

        // A refusal: its problem details say why (title, detail, the field or the state).
        var title = TryRead(body, "title") ?? context.Response.ReasonPhrase;
        var detail = TryRead(body, "detail");
        return CommandResults.Failure($"{status} {title}{(detail is null ? "" : ": " + detail)}", body.Length == 0 ? "{}" : body, CommandResultFormat.Json);
    }

    private static string? TryRead(string json, string property)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A client-credentials token from the identity service, kept until a minute before it expires.</summary>
    private async Task<string> TokenAsync(HttpClient http, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is not null && DateTimeOffset.UtcNow < _expires)
            {
                return _token;
            }

            var issuerUrl = await issuer.GetValueAsync(cancellationToken) ?? throw new InvalidOperationException("The identity service's issuer is not known yet.");
            using var response = await http.PostAsync(new Uri(new Uri(issuerUrl), "connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = "talent-dashboard",
                ["client_secret"] = Secret,
            }), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"The identity service refused the dashboard's operator client ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }

            var token = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            _token = token.GetProperty("access_token").GetString();
            _expires = DateTimeOffset.UtcNow.AddSeconds(token.GetProperty("expires_in").GetInt32() - 60);
            return _token!;
        }
        finally
        {
            _gate.Release();
        }
    }
}
