using System.Collections.Concurrent;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Talent.Notifications.Deliveries;

/// <summary>An e-mail to send: where, and the written message.</summary>
public sealed record OutgoingEmail(Guid DeliveryId, string To, string ToName, string Subject, string Text);

/// <summary>How one delivery went: <see cref="Error"/> null when the channel accepted it, and when that was known.</summary>
public readonly record struct DeliveryOutcome(string? Error, DateTimeOffset At);

/// <summary>
/// Sends e-mail through the configured SMTP server (MailKit) over up to <c>Notifications:Smtp:Connections</c> connections
/// at once (a server answers each message before the next on a connection; one connection caps the rate at its round
/// trip): a message the server refuses fails alone, a connection that fails fails the messages it had not yet sent.
/// Connections stay open between batches for <c>KeepIdleFor</c>: a delivery woken by its event then costs one message on
/// an open session, not a connect, greeting, EHLO and QUIT (measured: the benchmark's README).
/// </summary>
public sealed class EmailSender(IOptionsMonitor<NotificationsOptions> options, TimeProvider time, ILogger<EmailSender> logger) : IAsyncDisposable
{
    private static readonly TimeSpan CheckAfterIdle = TimeSpan.FromSeconds(5);
    private readonly ConcurrentStack<OpenConnection> _idle = new();

    public async Task<Dictionary<Guid, DeliveryOutcome>> SendAsync(IReadOnlyList<OutgoingEmail> mails, CancellationToken cancellationToken)
    {
        var smtp = options.CurrentValue.Smtp;
        if (!smtp.Configured)
        {
            return mails.ToDictionary(m => m.DeliveryId, _ => new DeliveryOutcome("No SMTP server is configured (Notifications:Smtp:Host).", time.GetUtcNow()));
        }

        var connections = Math.Clamp(smtp.Connections, 1, 16);
        var shares = mails.Select((mail, i) => (mail, i)).GroupBy(x => x.i % connections, x => x.mail).Select(g => g.ToList()).ToList();
        var outcomes = new Dictionary<Guid, DeliveryOutcome>();
        foreach (var share in await Task.WhenAll(shares.Select(share => SendOverOneConnectionAsync(smtp, share, cancellationToken))))
        {
            foreach (var (id, outcome) in share)
            {
                outcomes[id] = outcome;
            }
        }

        return outcomes;
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryPop(out var open))
        {
            await CloseAsync(open.Client);
        }
    }

    private async Task<Dictionary<Guid, DeliveryOutcome>> SendOverOneConnectionAsync(SmtpOptions smtp, List<OutgoingEmail> mails, CancellationToken cancellationToken)
    {
        var outcomes = new Dictionary<Guid, DeliveryOutcome>();
        SmtpClient client;
        bool reused;
        try
        {
            (client, reused) = await RentAsync(smtp, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("SMTP server {Host}:{Port} not reached: {Error}", smtp.Host, smtp.Port, ex.Message);
            return mails.ToDictionary(m => m.DeliveryId, _ => new DeliveryOutcome($"SMTP server not reached: {ex.Message}", time.GetUtcNow()));
        }

        var from = MailboxAddress.Parse(smtp.From);
        foreach (var mail in mails)
        {
            try
            {
                await client.SendAsync(Message(from, mail), cancellationToken);
                outcomes[mail.DeliveryId] = new DeliveryOutcome(null, time.GetUtcNow());
            }
            catch (Exception ex) when (reused && outcomes.Count == 0 && !client.IsConnected && !cancellationToken.IsCancellationRequested)
            {
                // A kept connection the server had closed meanwhile: once, on a new one (a refusal of the message itself
                // leaves the connection up and is not retried here).
                logger.LogDebug(ex, "A kept SMTP connection was closed by the server; connecting again");
                client.Dispose();
                reused = false;
                try
                {
                    client = await ConnectAsync(smtp, cancellationToken);
                    await client.SendAsync(Message(from, mail), cancellationToken);
                    outcomes[mail.DeliveryId] = new DeliveryOutcome(null, time.GetUtcNow());
                }
                catch (Exception again) when (again is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    outcomes[mail.DeliveryId] = new DeliveryOutcome(again.Message, time.GetUtcNow());
                    if (!client.IsConnected)
                    {
                        break;
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                outcomes[mail.DeliveryId] = new DeliveryOutcome(ex.Message, time.GetUtcNow());
                if (!client.IsConnected)
                {
                    break;
                }
            }
        }

        foreach (var mail in mails.Where(m => !outcomes.ContainsKey(m.DeliveryId)))
        {
            outcomes[mail.DeliveryId] = new DeliveryOutcome("The SMTP connection was lost before this message was sent.", time.GetUtcNow());
        }

        await ReturnAsync(smtp, client);
        return outcomes;
    }

    private static MimeMessage Message(MailboxAddress from, OutgoingEmail mail)
    {
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(new MailboxAddress(mail.ToName, mail.To));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.Text };
        // The delivery's id: a receiver (or a test) can tell a resend of the same delivery from a new one.
        message.MessageId = $"{mail.DeliveryId:N}@talent.notifications";
        return message;
    }

    /// <summary>A kept connection to the same server (checked with NOOP when it idled a while), else a new one.</summary>
    private async Task<(SmtpClient Client, bool Reused)> RentAsync(SmtpOptions smtp, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        while (_idle.TryPop(out var open))
        {
            if (open.Server != Server(smtp) || !open.Client.IsConnected || now - open.Since > smtp.KeepIdleFor)
            {
                await CloseAsync(open.Client);
                continue;
            }

            if (now - open.Since > CheckAfterIdle)
            {
                try
                {
                    await open.Client.NoOpAsync(cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    logger.LogDebug(ex, "A kept SMTP connection failed its NOOP");
                    open.Client.Dispose();
                    continue;
                }
            }

            return (open.Client, true);
        }

        return (await ConnectAsync(smtp, cancellationToken), false);
    }

    private async Task ReturnAsync(SmtpOptions smtp, SmtpClient client)
    {
        if (client.IsConnected && smtp.KeepIdleFor > TimeSpan.Zero && _idle.Count < Math.Clamp(smtp.Connections, 1, 16))
        {
            _idle.Push(new OpenConnection(client, Server(smtp), time.GetUtcNow()));
            return;
        }

        await CloseAsync(client);
    }

    private static async Task<SmtpClient> ConnectAsync(SmtpOptions smtp, CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, Security(smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private async Task CloseAsync(SmtpClient client)
    {
        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogDebug(ex, "SMTP QUIT failed");
        }
        finally
        {
            client.Dispose();
        }
    }

    private static string Server(SmtpOptions smtp) => $"{smtp.Host}:{smtp.Port}:{smtp.Security}:{smtp.UserName}";

    private static SecureSocketOptions Security(string value) => value switch
    {
        "None" => SecureSocketOptions.None,
        "SslOnConnect" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };

    private sealed record OpenConnection(SmtpClient Client, string Server, DateTimeOffset Since);
}
