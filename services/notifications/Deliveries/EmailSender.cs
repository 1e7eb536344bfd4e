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
/// </summary>
public sealed class EmailSender(IOptionsMonitor<NotificationsOptions> options, TimeProvider time, ILogger<EmailSender> logger)
{
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

    private async Task<Dictionary<Guid, DeliveryOutcome>> SendOverOneConnectionAsync(SmtpOptions smtp, List<OutgoingEmail> mails, CancellationToken cancellationToken)
    {
        var outcomes = new Dictionary<Guid, DeliveryOutcome>();
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, Security(smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }
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
                var message = new MimeMessage();
                message.From.Add(from);
                message.To.Add(new MailboxAddress(mail.ToName, mail.To));
                message.Subject = mail.Subject;
                message.Body = new TextPart("plain") { Text = mail.Text };
                // The delivery's id: a receiver (or a test) can tell a resend of the same delivery from a new one.
                message.MessageId = $"{mail.DeliveryId:N}@talent.notifications";
                await client.SendAsync(message, cancellationToken);
                outcomes[mail.DeliveryId] = new DeliveryOutcome(null, time.GetUtcNow());
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

        if (client.IsConnected)
        {
            try
            {
                await client.DisconnectAsync(quit: true, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogDebug(ex, "SMTP QUIT failed after sending");
            }
        }

        return outcomes;
    }

    private static SecureSocketOptions Security(string value) => value switch
    {
        "None" => SecureSocketOptions.None,
        "SslOnConnect" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };
}
