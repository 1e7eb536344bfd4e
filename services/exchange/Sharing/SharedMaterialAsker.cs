using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Talent.Contracts.Exchange;
using Talent.Data;
using Talent.Exchange.Data;
using Talent.Messaging.Inbox;
using Talent.Messaging.Outbox;

namespace Talent.Exchange.Sharing;

/// <summary>
/// Asks the department's registered source system for a shared material's record (免提交), keeps what came back with
/// its source and time, and tells applications (one <see cref="SharedMaterialsObtained"/> for all of a submission's
/// materials, asked at once) in the same transaction. A source
/// that does not answer is asked again by the standard resilience handler; after that the answer is <c>unavailable</c>, with why.
/// </summary>
/// <remarks>
/// Every submission asks, so the requests come in batches (<see cref="BatchInboxConsumer{TContext, TMessage}"/>): the
/// batch's asks go out together, at most <see cref="SharingOptions.MaxConcurrentAsks"/> at a time, and what came back is
/// kept in one transaction, so a source that does not answer holds the batch's other answers until it gives up. A batch
/// whose transaction fails is applied message by message, and those asks are made again (they only read).
/// </remarks>
public sealed class SharedMaterialAsker(ExchangeDbContext db, IHttpClientFactory clients, IOptions<SharingOptions> options, TimeProvider time, ILogger<SharedMaterialAsker> logger)
    : BatchInboxConsumer<ExchangeDbContext, SharedMaterialsRequested>(db, time, logger)
{
    public const string HttpClientName = "sources";

    protected override async Task HandleAsync(IReadOnlyList<SharedMaterialsRequested> messages, CancellationToken cancellationToken)
    {
        var asks = messages.SelectMany(m => m.Materials.Select(a => (Message: m, Ask: a))).ToList();
        var answers = new SharedAnswer[asks.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, asks.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrentAsks, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var (message, ask) = asks[i];
                answers[i] = options.Value.Sources.TryGetValue(ask.SourceDepartment, out var source) && source.Url is not null
                    ? await AskAsync(source, message, ask, ct)
                    : new SharedAnswer("noSource", null, null, null, $"No source system is registered for {ask.SourceDepartment}. 该部门未接入数据共享。");
            });

        var now = Time.GetUtcNow();
        var next = 0;
        foreach (var message in messages)
        {
            var told = new List<SharedMaterialAnswer>(message.Materials.Count);
            foreach (var ask in message.Materials)
            {
                var answer = answers[next++];
                Db.SharedRecords.Add(SharedRecordFetch.Of(message.ApplicationId, ask.MaterialCode, ask.SourceDepartment, answer, now));
                told.Add(new SharedMaterialAnswer(ask.MaterialCode, ask.SourceDepartment, answer.Status, answer.Source, answer.Record, answer.Sha256, answer.Note));
            }

            Db.RecordEvent(new SharedMaterialsObtained(Guid.CreateVersion7(now), now, message.ApplicationId, told));
        }
    }

    private async Task<SharedAnswer> AskAsync(SourceSystem source, SharedMaterialsRequested message, SharedMaterialAsk ask, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var address = new Uri(source.Url!, $"records/{Uri.EscapeDataString(ask.MaterialCode)}?subject={Uri.EscapeDataString(message.ApplicantId)}");
        string why;
        try
        {
            // The platform's standard resilience (ServiceDefaults) asks again on a failure or no answer, then gives up.
            using var request = new HttpRequestMessage(HttpMethod.Get, address);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", source.ApiKey);
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return new SharedAnswer("notHeld", source.Name, null, null, "The source holds no such record for the applicant. 数据源无该申请人的此项记录。");
            }

            if (response.IsSuccessStatusCode)
            {
                if (response.Content.Headers.ContentLength > settings.MaxRecordBytes)
                {
                    return new SharedAnswer("unavailable", source.Name, null, null, $"The record is larger than {settings.MaxRecordBytes} bytes. 记录过大。");
                }

                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                if (body.Length > settings.MaxRecordBytes)
                {
                    return new SharedAnswer("unavailable", source.Name, null, null, $"The record is larger than {settings.MaxRecordBytes} bytes. 记录过大。");
                }

                using var parsed = JsonDocument.Parse(body);
                var record = Encoding.UTF8.GetString(body);
                if (!StorableText.IsStorable(record, json: true))
                {
                    return new SharedAnswer("unavailable", source.Name, null, null, "The record holds characters that cannot be stored (U+0000, or half of a surrogate pair). 记录包含无法保存的字符。");
                }

                return new SharedAnswer("obtained", source.Name, record, Convert.ToHexStringLower(SHA256.HashData(body)), null);
            }

            why = $"HTTP {(int)response.StatusCode}";
        }
        // The resilience pipeline's refusals (its timeout, an open circuit) are ExecutionRejectedException.
        catch (Exception ex) when (ex is HttpRequestException or JsonException or Polly.ExecutionRejectedException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            why = ex is JsonException ? "not JSON" : "no answer";
        }

        logger.LogWarning("Source {Source} gave no record of {Material} for application {Application}: {Why}", source.Name, ask.MaterialCode, message.ApplicationId, why);
        return new SharedAnswer("unavailable", source.Name, null, null, $"The source system gave no record ({why}); ask the applicant for the material. 数据源暂不可用，请联系申请人补充材料。");
    }
}
