using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Talent.Notifications.Deliveries;

/// <summary>An e-mail to send: where, and the written message.</summary>
public sealed record OutgoingEmail(Guid DeliveryId, string To, string ToName, string Subject, string Text);

/// <summary>
/// Sends e-mail through the configured SMTP server (MailKit): one connection for a batch; a message the server refuses
/// fails alone, a connection that fails fails the messages not yet sent.
/// </summary>
public sealed class EmailSender(IOptionsMonitor<NotificationsOptions> options, ILogger<EmailSender> logger)
{
    /// <summary>Each delivery's outcome: null when the server accepted it, else why not.</summary>
    public async Task<Dictionary<Guid, string?>> SendAsync(IReadOnlyList<OutgoingEmail> mails, CancellationToken cancellationToken)
    {
        var smtp = options.CurrentValue.Smtp;
        var outcomes = new Dictionary<Guid, string?>();
        if (!smtp.Configured)
        {
            foreach (var mail in mails)
            {
                outcomes[mail.DeliveryId] = "No SMTP server is configured (Notifications:Smtp:Host).";
            }

            return outcomes;
        }

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
            foreach (var mail in mails)
            {
                outcomes[mail.DeliveryId] = $"SMTP server not reached: {ex.Message}";
            }

            return outcomes;
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
                outcomes[mail.DeliveryId] = null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                outcomes[mail.DeliveryId] = ex.Message;
                if (!client.IsConnected)
                {
                    break;
                }
            }
        }

        foreach (var mail in mails.Where(m => !outcomes.ContainsKey(m.DeliveryId)))
        {
            outcomes[mail.DeliveryId] = "The SMTP connection was lost before this message was sent.";
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
